//===- unittests/TapeTest.cpp - Tests for gradgen::tape -------------------===//
//
// Unit tests for the runtime tape in gradgen/tape.h. Also built with
// AddressSanitizer and UBSan (gradgen-tape-asan), which catches leaks from
// tapes destroyed while non-empty and out-of-bounds chunk accesses.
//
//===----------------------------------------------------------------------===//

#include "gradgen/tape.h"

#include "gtest/gtest.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

using gradgen::tape;

namespace {

static_assert(!std::is_copy_constructible<tape<double>>::value,
              "tape must not be copyable");
static_assert(!std::is_copy_assignable<tape<double>>::value,
              "tape must not be copyable");
static_assert(std::is_nothrow_move_constructible<tape<double>>::value,
              "tape must be movable");
static_assert(std::is_nothrow_move_assignable<tape<double>>::value,
              "tape must be movable");

/// Enough elements to cross many chunk boundaries for any element type.
constexpr std::size_t Many = 1000000;

/// A deterministic, element-dependent double value.
double valueAt(std::size_t I) {
  return static_cast<double>(I) * 0.5 + 1.0 / static_cast<double>(I + 1);
}

TEST(TapeTest, StartsEmpty) {
  tape<double> T;
  EXPECT_TRUE(T.empty());
  EXPECT_EQ(T.size(), 0u);
  T.clear();
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, PushPopOrder) {
  tape<int> T;
  T.push(1);
  T.push(2);
  T.push(3);
  EXPECT_EQ(T.size(), 3u);
  EXPECT_EQ(T.pop(), 3);
  EXPECT_EQ(T.pop(), 2);
  T.push(4);
  EXPECT_EQ(T.pop(), 4);
  EXPECT_EQ(T.pop(), 1);
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, Back) {
  tape<double> T;
  T.push(1.5);
  EXPECT_EQ(T.back(), 1.5);
  T.push(2.5);
  EXPECT_EQ(T.back(), 2.5);
  T.back() = 7.0;
  EXPECT_EQ(T.size(), 2u);
  const tape<double> &CT = T;
  EXPECT_EQ(CT.back(), 7.0);
  EXPECT_EQ(T.pop(), 7.0);
  EXPECT_EQ(CT.back(), 1.5);
}

TEST(TapeTest, SizeAndEmpty) {
  tape<int> T;
  for (int I = 0; I < 10000; ++I) {
    EXPECT_EQ(T.size(), static_cast<std::size_t>(I));
    T.push(I);
    EXPECT_FALSE(T.empty());
  }
  for (int I = 10000; I > 0; --I) {
    EXPECT_EQ(T.size(), static_cast<std::size_t>(I));
    EXPECT_FALSE(T.empty());
    T.pop();
  }
  EXPECT_TRUE(T.empty());
  EXPECT_EQ(T.size(), 0u);
}

TEST(TapeTest, Clear) {
  tape<double> T;
  for (std::size_t I = 0; I < 100000; ++I)
    T.push(valueAt(I));
  T.clear();
  EXPECT_TRUE(T.empty());
  EXPECT_EQ(T.size(), 0u);
  T.clear();
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, ManyChunkBoundaries) {
  tape<double> T;
  for (std::size_t I = 0; I < Many; ++I) {
    T.push(valueAt(I));
    ASSERT_EQ(T.back(), valueAt(I));
  }
  ASSERT_EQ(T.size(), Many);
  for (std::size_t I = Many; I-- > 0;) {
    ASSERT_EQ(T.back(), valueAt(I));
    ASSERT_EQ(T.pop(), valueAt(I)) << "at index " << I;
    ASSERT_EQ(T.size(), I);
  }
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, SecondSweepReusesStorage) {
  tape<double> T;
  for (int Sweep = 0; Sweep < 3; ++Sweep) {
    for (std::size_t I = 0; I < Many; ++I)
      T.push(valueAt(I) + Sweep);
    for (std::size_t I = Many; I-- > 0;)
      ASSERT_EQ(T.pop(), valueAt(I) + Sweep);
    EXPECT_TRUE(T.empty());
  }
}

/// Finds the size at which the tape's next push() starts a new chunk: the
/// first element of a chunk is where back() stops being contiguous with the
/// element before it.
template <class E> std::size_t firstChunkBoundary(std::size_t Limit) {
  tape<E> T;
  T.push(E());
  const E *Prev = &T.back();
  for (std::size_t I = 1; I < Limit; ++I) {
    T.push(E());
    const E *P = &T.back();
    if (P != Prev + 1)
      return I;
    Prev = P;
  }
  return 0;
}

TEST(TapeTest, OscillateAcrossChunkBoundary) {
  std::size_t Boundary = firstChunkBoundary<int>(1 << 20);
  ASSERT_GT(Boundary, 0u);
  tape<int> T;
  for (std::size_t I = 0; I + 2 < Boundary; ++I)
    T.push(static_cast<int>(I));
  // Walk up and down over the boundary, several elements each way.
  for (int Round = 0; Round < 1000; ++Round) {
    std::size_t Base = T.size();
    for (int K = 0; K < 5; ++K)
      T.push(Round * 10 + K);
    EXPECT_EQ(T.size(), Base + 5);
    for (int K = 5; K-- > 0;)
      ASSERT_EQ(T.pop(), Round * 10 + K);
    EXPECT_EQ(T.size(), Base);
  }
  // Single-step oscillation exactly at the boundary.
  while (T.size() < Boundary)
    T.push(-1);
  for (int Round = 0; Round < 1000; ++Round) {
    T.push(Round);
    EXPECT_EQ(T.back(), Round);
    EXPECT_EQ(T.pop(), Round);
    EXPECT_EQ(T.back(), -1);
  }
  for (std::size_t I = Boundary; I-- > 0;) {
    int Expected = I + 2 < Boundary ? static_cast<int>(I) : -1;
    ASSERT_EQ(T.pop(), Expected);
  }
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, InterleavedPushPop) {
  // Net growth of one element per step, with pops in between, so that both
  // directions cross chunk boundaries many times.
  tape<std::size_t> T;
  std::vector<std::size_t> Model;
  std::size_t Next = 0;
  for (std::size_t Step = 0; Step < 200000; ++Step) {
    std::size_t Pushes = 1 + Step % 7;
    std::size_t Pops = Step % 7;
    for (std::size_t K = 0; K < Pushes; ++K) {
      T.push(Next);
      Model.push_back(Next);
      ++Next;
    }
    for (std::size_t K = 0; K < Pops; ++K) {
      ASSERT_EQ(T.pop(), Model.back());
      Model.pop_back();
    }
    ASSERT_EQ(T.size(), Model.size());
  }
  while (!Model.empty()) {
    ASSERT_EQ(T.pop(), Model.back());
    Model.pop_back();
  }
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, Bool) {
  tape<bool> T;
  for (std::size_t I = 0; I < Many; ++I)
    T.push(I % 3 == 0);
  EXPECT_EQ(T.size(), Many);
  for (std::size_t I = Many; I-- > 0;)
    ASSERT_EQ(T.pop(), I % 3 == 0);
  EXPECT_TRUE(T.empty());
  // back() gives a real bool reference, not a proxy.
  T.push(false);
  bool &B = T.back();
  B = true;
  EXPECT_TRUE(T.pop());
}

TEST(TapeTest, Char) {
  tape<char> T;
  for (std::size_t I = 0; I < Many; ++I)
    T.push(static_cast<char>(I % 128));
  for (std::size_t I = Many; I-- > 0;)
    ASSERT_EQ(T.pop(), static_cast<char>(I % 128));
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, LongDouble) {
  tape<long double> T;
  for (std::size_t I = 0; I < 100000; ++I) {
    T.push(static_cast<long double>(valueAt(I)) / 3.0L);
    // Elements must be suitably aligned.
    ASSERT_EQ(reinterpret_cast<std::uintptr_t>(&T.back()) %
                  alignof(long double),
              0u);
  }
  for (std::size_t I = 100000; I-- > 0;)
    ASSERT_EQ(T.pop(), static_cast<long double>(valueAt(I)) / 3.0L);
  EXPECT_TRUE(T.empty());
}

TEST(TapeTest, SizeT) {
  tape<std::size_t> T;
  const std::size_t Big = ~std::size_t(0);
  for (std::size_t I = 0; I < Many; ++I)
    T.push(Big - I);
  for (std::size_t I = Many; I-- > 0;)
    ASSERT_EQ(T.pop(), Big - I);
  EXPECT_TRUE(T.empty());
}

struct alignas(64) Wide {
  double V[3];
};

TEST(TapeTest, OverAlignedAndLargeElements) {
  tape<Wide> T;
  for (std::size_t I = 0; I < 5000; ++I) {
    T.push(Wide{{valueAt(I), 0.0, -valueAt(I)}});
    ASSERT_EQ(reinterpret_cast<std::uintptr_t>(&T.back()) % alignof(Wide), 0u);
  }
  for (std::size_t I = 5000; I-- > 0;) {
    Wide W = T.pop();
    ASSERT_EQ(W.V[0], valueAt(I));
    ASSERT_EQ(W.V[2], -valueAt(I));
  }

  struct Huge {
    char Bytes[100000];
  };
  tape<Huge> H;
  for (int I = 0; I < 4; ++I) {
    Huge X{};
    X.Bytes[0] = static_cast<char>(I);
    X.Bytes[sizeof(X.Bytes) - 1] = static_cast<char>(I + 10);
    H.push(X);
  }
  for (int I = 4; I-- > 0;) {
    EXPECT_EQ(H.back().Bytes[0], static_cast<char>(I));
    EXPECT_EQ(H.back().Bytes[sizeof(Huge::Bytes) - 1], static_cast<char>(I + 10));
    H.pop();
  }
  EXPECT_TRUE(H.empty());
}

TEST(TapeTest, MoveConstruction) {
  tape<double> A;
  for (std::size_t I = 0; I < 50000; ++I)
    A.push(valueAt(I));
  tape<double> B(std::move(A));
  EXPECT_TRUE(A.empty()); // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(A.size(), 0u);
  EXPECT_EQ(B.size(), 50000u);
  for (std::size_t I = 50000; I-- > 0;)
    ASSERT_EQ(B.pop(), valueAt(I));
  // The moved-from tape is usable.
  A.push(3.0);
  EXPECT_EQ(A.pop(), 3.0);
}

TEST(TapeTest, MoveAssignment) {
  tape<double> A, B;
  for (std::size_t I = 0; I < 30000; ++I)
    A.push(valueAt(I));
  for (std::size_t I = 0; I < 20000; ++I)
    B.push(-valueAt(I));
  B = std::move(A); // B's old chunks must be freed (ASan checks).
  EXPECT_TRUE(A.empty()); // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(B.size(), 30000u);
  for (std::size_t I = 30000; I-- > 15000;)
    ASSERT_EQ(B.pop(), valueAt(I));
  // Self-move leaves the tape intact.
  tape<double> &Self = B;
  B = std::move(Self);
  EXPECT_EQ(B.size(), 15000u);
  for (std::size_t I = 15000; I-- > 0;)
    ASSERT_EQ(B.pop(), valueAt(I));
  // Assigning into a moved-from tape.
  A = std::move(B);
  EXPECT_TRUE(A.empty());
  A.push(1.0);
  EXPECT_EQ(A.back(), 1.0);
}

TEST(TapeTest, ReuseAfterClear) {
  tape<int> T;
  for (int Round = 0; Round < 3; ++Round) {
    for (int I = 0; I < 100000; ++I)
      T.push(I * (Round + 1));
    // Pop part of it, then clear the rest while in the middle of a chunk.
    for (int I = 100000; I-- > 60000;)
      ASSERT_EQ(T.pop(), I * (Round + 1));
    T.clear();
    EXPECT_TRUE(T.empty());
    EXPECT_EQ(T.size(), 0u);
  }
  for (int I = 0; I < 200000; ++I)
    T.push(-I);
  EXPECT_EQ(T.size(), 200000u);
  for (int I = 200000; I-- > 0;)
    ASSERT_EQ(T.pop(), -I);
}

TEST(TapeTest, ShrinkToFit) {
  tape<double> T;
  for (std::size_t I = 0; I < 100000; ++I)
    T.push(valueAt(I));
  for (std::size_t I = 100000; I-- > 1000;)
    ASSERT_EQ(T.pop(), valueAt(I));
  T.shrink_to_fit();
  EXPECT_EQ(T.size(), 1000u);
  for (std::size_t I = 1000; I < 50000; ++I)
    T.push(valueAt(I));
  for (std::size_t I = 50000; I-- > 0;)
    ASSERT_EQ(T.pop(), valueAt(I));
  T.shrink_to_fit();
  EXPECT_TRUE(T.empty());
  T.push(2.0);
  EXPECT_EQ(T.pop(), 2.0);

  // Shrinking exactly at a chunk boundary keeps the full chunk below.
  std::size_t Boundary = firstChunkBoundary<double>(1 << 20);
  ASSERT_GT(Boundary, 0u);
  tape<double> U;
  for (std::size_t I = 0; I <= Boundary; ++I)
    U.push(valueAt(I));
  EXPECT_EQ(U.pop(), valueAt(Boundary));
  U.shrink_to_fit();
  EXPECT_EQ(U.back(), valueAt(Boundary - 1));
  U.push(valueAt(Boundary));
  for (std::size_t I = Boundary + 1; I-- > 0;)
    ASSERT_EQ(U.pop(), valueAt(I));
}

TEST(TapeTest, GrowingDoesNotMoveElements) {
  tape<double> T;
  std::vector<const double *> Addresses;
  std::vector<std::size_t> Indices = {0, 1, 31, 32, 33, 100, 1000, 5000};
  std::size_t NextIndex = 0;
  for (std::size_t I = 0; I < Many; ++I) {
    T.push(valueAt(I));
    if (NextIndex < Indices.size() && Indices[NextIndex] == I) {
      Addresses.push_back(&T.back());
      ++NextIndex;
    }
  }
  for (std::size_t K = 0; K < Indices.size(); ++K)
    EXPECT_EQ(*Addresses[K], valueAt(Indices[K])) << "element " << Indices[K];
  // Popping down to just above an element keeps it in place as well.
  while (T.size() > 101)
    T.pop();
  EXPECT_EQ(&T.back(), Addresses[5]);
  EXPECT_EQ(*Addresses[5], valueAt(100));
}

TEST(TapeTest, PushElementOfSameTape) {
  // push(back()) must work even when the push starts a new chunk.
  tape<double> T;
  T.push(42.0);
  for (int I = 0; I < 100000; ++I)
    T.push(T.back());
  EXPECT_EQ(T.size(), 100001u);
  while (!T.empty())
    ASSERT_EQ(T.pop(), 42.0);
}

TEST(TapeTest, DestroyNonEmpty) {
  // Leak checking under ASan: every chunk of a non-empty tape must be freed,
  // including spare chunks past the top and those of a popped-down tape.
  {
    tape<double> T;
    for (std::size_t I = 0; I < 300000; ++I)
      T.push(valueAt(I));
  }
  {
    tape<char> T;
    for (std::size_t I = 0; I < 300000; ++I)
      T.push('x');
    for (std::size_t I = 0; I < 250000; ++I)
      T.pop();
  }
  {
    tape<int> T;
    T.push(1);
  }
  {
    std::vector<tape<std::size_t>> Tapes(10);
    for (std::size_t K = 0; K < Tapes.size(); ++K)
      for (std::size_t I = 0; I < 10000 * K; ++I)
        Tapes[K].push(I);
  }
  SUCCEED();
}

/// reserve() then push_unchecked(), popped after settle() with
/// pop_unchecked(), around checked pushes: the values come back in order.
TEST(TapeTest, ReserveRoundTrip) {
  for (std::size_t Before : {0u, 1u, 31u, 32u, 33u, 5000u}) {
    for (std::size_t N : {0u, 1u, 7u, 32u, 100u, 9000u, 70000u}) {
      tape<double> T;
      for (std::size_t I = 0; I < Before; ++I)
        T.push(valueAt(I));
      T.reserve(N);
      for (std::size_t I = 0; I < N; ++I)
        T.push_unchecked(valueAt(Before + I));
      for (std::size_t I = 0; I < 50; ++I)
        T.push(valueAt(Before + N + I));
      ASSERT_EQ(T.size(), Before + N + 50);
      for (std::size_t I = 50; I-- > 0;)
        ASSERT_EQ(T.pop(), valueAt(Before + N + I));
      T.settle();
      for (std::size_t I = N; I-- > 0;)
        ASSERT_EQ(T.pop_unchecked(), valueAt(Before + I));
      ASSERT_EQ(T.size(), Before);
      if (Before)
        ASSERT_EQ(T.back(), valueAt(Before - 1));
      for (std::size_t I = Before; I-- > 0;)
        ASSERT_EQ(T.pop(), valueAt(I));
      ASSERT_TRUE(T.empty());
    }
  }
}

/// A reserve() that is not used up (a loop whose branches skip the push)
/// leaves the tape as it was; a later pop() steps back over the chunk it
/// left early.
TEST(TapeTest, ReserveUnused) {
  tape<int> T;
  for (int I = 0; I < 20; ++I)
    T.push(I);
  T.reserve(1000); // Moves on: the first chunk is not full.
  EXPECT_EQ(T.size(), 20u);
  T.reserve(5000); // Replaces the empty chunk it moved to.
  T.push_unchecked(20);
  EXPECT_EQ(T.size(), 21u);
  EXPECT_EQ(T.back(), 20);
  EXPECT_EQ(T.pop(), 20);
  EXPECT_EQ(T.back(), 19);
  for (int I = 20; I-- > 0;)
    EXPECT_EQ(T.pop(), I);
  EXPECT_TRUE(T.empty());
  // The storage is reused by a second sweep.
  T.reserve(3000);
  for (int I = 0; I < 3000; ++I)
    T.push_unchecked(I);
  T.shrink_to_fit();
  EXPECT_EQ(T.size(), 3000u);
  T.settle();
  for (int I = 3000; I-- > 0;)
    EXPECT_EQ(T.pop_unchecked(), I);
  EXPECT_TRUE(T.empty());
}

/// A reservation that cannot be met throws std::bad_alloc and leaves the
/// tape as it was.
TEST(TapeTest, ReserveTooMuchThrows) {
  tape<double> T;
  for (int I = 0; I < 100; ++I)
    T.push(I);
  EXPECT_THROW(T.reserve(static_cast<std::size_t>(-1) / 2), std::bad_alloc);
  EXPECT_THROW(T.reserve(static_cast<std::size_t>(-1) / 16), std::bad_alloc);
  EXPECT_EQ(T.size(), 100u);
  T.reserve(10);
  T.push_unchecked(100);
  for (int I = 101; I-- > 0;)
    EXPECT_EQ(T.pop(), I);
  EXPECT_TRUE(T.empty());
}

/// Random nests of runs, as generated loops produce them: checked pushes,
/// and reserved runs (each pushing at most what it reserved), popped in
/// reverse with pop() and settle() + pop_unchecked(), over several sweeps,
/// against a model.
TEST(TapeTest, ReserveRandomRuns) {
  std::uint64_t State = 12345;
  auto Next = [&](std::uint64_t Bound) {
    State = State * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((State >> 33) % Bound);
  };
  tape<std::uint64_t> T;
  for (int Sweep = 0; Sweep < 40; ++Sweep) {
    // Each entry: a run of Len values; Reserved if pushed unchecked.
    struct Run {
      std::size_t Len;
      bool Reserved;
      std::uint64_t First;
    };
    std::vector<Run> Runs;
    std::uint64_t Value = 0;
    std::size_t Total = 0;
    std::size_t NRuns = 1 + Next(60);
    for (std::size_t R = 0; R < NRuns; ++R) {
      bool Reserved = Next(2);
      std::size_t Len = Next(4) == 0 ? Next(20000) : Next(40);
      Runs.push_back({Len, Reserved, Value});
      if (Reserved) {
        T.reserve(Len + Next(3) * Next(100)); // Upper bounds are fine.
        for (std::size_t I = 0; I < Len; ++I)
          T.push_unchecked(Value++);
      } else {
        for (std::size_t I = 0; I < Len; ++I)
          T.push(Value++);
      }
      Total += Len;
      ASSERT_EQ(T.size(), Total);
    }
    for (std::size_t R = Runs.size(); R-- > 0;) {
      const Run &X = Runs[R];
      if (X.Reserved)
        T.settle();
      for (std::size_t I = X.Len; I-- > 0;) {
        std::uint64_t Got = X.Reserved ? T.pop_unchecked() : T.pop();
        ASSERT_EQ(Got, X.First + I);
      }
      Total -= X.Len;
      ASSERT_EQ(T.size(), Total);
    }
    ASSERT_TRUE(T.empty());
    if (Sweep % 7 == 6)
      T.shrink_to_fit();
  }
}

#ifndef NDEBUG
TEST(TapeDeathTest, PopOnEmptyAsserts) {
  tape<int> T;
  EXPECT_DEATH(T.pop(), "empty");
  T.push(1);
  T.pop();
  EXPECT_DEATH(T.back(), "empty");
}
#endif

} // namespace
