//===- gradgen/tape.h - LIFO value tape for gradient code -------*- C++ -*-===//
//
// The runtime stack that generated gradient code uses to carry values from the
// forward sweep to the reverse sweep: overwritten variables, branch decisions,
// loop trip counts. C++17, header-only, standard library only.
//
// Elements live in a doubly linked list of chunks. The first chunk holds
// about 256 bytes; each later chunk is twice the size of the one before, up to
// 64 KiB of elements per chunk. Growing never copies or moves an element, so
// references returned by back() stay valid until that element is popped.
// Chunks emptied by pop() are kept, not freed, so a tape that is popped down
// and pushed up again (across a chunk boundary, or for a second sweep) does
// not allocate: like std::vector, a tape keeps its high-water-mark storage
// until shrink_to_fit() or destruction. clear() keeps the storage too.
//
// push() and pop() are inline; their fast path is one pointer compare, one
// store or load, and one pointer bump. Chunk changes go through a separate
// out-of-line member function.
//
//===----------------------------------------------------------------------===//
#ifndef GRADGEN_TAPE_H
#define GRADGEN_TAPE_H

#include <cassert>
#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

#if defined(__GNUC__) || defined(__clang__)
#define GRADGEN_TAPE_NOINLINE __attribute__((noinline))
#define GRADGEN_TAPE_UNLIKELY(X) __builtin_expect(!!(X), 0)
#elif defined(_MSC_VER)
#define GRADGEN_TAPE_NOINLINE __declspec(noinline)
#define GRADGEN_TAPE_UNLIKELY(X) (X)
#else
#define GRADGEN_TAPE_NOINLINE
#define GRADGEN_TAPE_UNLIKELY(X) (X)
#endif

namespace gradgen {

/// A LIFO stack of trivially copyable values, stored in chunks.
///
/// Not copyable; movable. A moved-from tape is empty and owns no storage.
template <class T> class tape {
  static_assert(std::is_trivially_copyable<T>::value,
                "gradgen::tape requires a trivially copyable element type");
  static_assert(!std::is_const<T>::value && !std::is_volatile<T>::value,
                "gradgen::tape requires an unqualified element type");

public:
  using value_type = T;
  using size_type = std::size_t;

  tape() noexcept = default;
  tape(const tape &) = delete;
  tape &operator=(const tape &) = delete;
  tape(tape &&Other) noexcept { steal(Other); }
  tape &operator=(tape &&Other) noexcept {
    if (this != &Other) {
      releaseAll();
      steal(Other);
    }
    return *this;
  }
  ~tape() { releaseAll(); }

  /// Pushes a copy of \p V. \p V may refer to an element of this tape.
  void push(const T &V) {
    T *C = Cur;
    if (GRADGEN_TAPE_UNLIKELY(C == End))
      C = nextChunk();
    ::new (static_cast<void *>(C)) T(V);
    Cur = C + 1;
  }

  /// Removes the top element and returns it. The tape must not be empty.
  T pop() {
    assert(!empty() && "pop() on an empty gradgen::tape");
    T *C = Cur;
    if (GRADGEN_TAPE_UNLIKELY(C == Begin))
      C = prevChunk();
    --C;
    Cur = C;
    return *C;
  }

  /// The top element. The tape must not be empty. The reference stays valid
  /// until the element is popped or the tape is cleared, moved or destroyed.
  T &back() { return *top(); }
  const T &back() const { return *top(); }

  /// The number of elements on the tape.
  size_type size() const noexcept {
    return Below + static_cast<size_type>(Cur - Begin);
  }

  /// Whether the tape holds no element.
  bool empty() const noexcept { return Cur == Begin && Below == 0; }

  /// Removes every element. Keeps the storage for reuse.
  void clear() noexcept {
    if (!Head)
      return;
    enter(Head, 0);
    Cur = Begin;
  }

  /// Frees the chunks that hold no element (all of them if the tape is empty).
  void shrink_to_fit() noexcept {
    if (empty()) {
      releaseAll();
      return;
    }
    // If the current chunk is empty, step back to the previous (full) one.
    if (Cur == Begin)
      enter(Current->Prev, Below - Current->Prev->Capacity);
    freeChain(Current->Next);
    Current->Next = nullptr;
  }

private:
  /// A chunk header, followed in the same allocation by Capacity elements.
  struct Chunk {
    Chunk *Prev;
    Chunk *Next;
    size_type Capacity;

    T *data() noexcept {
      return reinterpret_cast<T *>(reinterpret_cast<unsigned char *>(this) +
                                   DataOffset);
    }
  };

  static constexpr size_type Align =
      alignof(T) > alignof(Chunk) ? alignof(T) : alignof(Chunk);
  static constexpr size_type DataOffset =
      (sizeof(Chunk) + alignof(T) - 1) / alignof(T) * alignof(T);
  static constexpr bool OverAligned = Align > __STDCPP_DEFAULT_NEW_ALIGNMENT__;

  static constexpr size_type capacityFor(size_type Bytes) noexcept {
    return Bytes >= sizeof(T) ? Bytes / sizeof(T) : 1;
  }
  /// Elements in the first chunk.
  static constexpr size_type FirstCapacity = capacityFor(256);
  /// Elements in a chunk at most (unless one element is bigger than 64 KiB).
  static constexpr size_type MaxCapacity = capacityFor(size_type(64) << 10);

  /// The slot of the top element. The tape must not be empty.
  T *top() const noexcept {
    assert(!empty() && "back() on an empty gradgen::tape");
    if (GRADGEN_TAPE_UNLIKELY(Cur == Begin))
      return Current->Prev->data() + (Current->Prev->Capacity - 1);
    return Cur - 1;
  }

  /// Makes \p C the current chunk, with \p NewBelow elements before it, and
  /// points Cur at its end (the caller moves Cur where it belongs).
  void enter(Chunk *C, size_type NewBelow) noexcept {
    Current = C;
    Below = NewBelow;
    Begin = C->data();
    End = Begin + C->Capacity;
    Cur = End;
  }

  /// Slow path of push(): the current chunk is full (or there is none). Moves
  /// to the next chunk, allocating it if there is no spare one, and returns
  /// the slot for the new element.
  GRADGEN_TAPE_NOINLINE T *nextChunk() {
    Chunk *Next = Current ? Current->Next : Head;
    if (!Next) {
      size_type Capacity = FirstCapacity;
      if (Current)
        Capacity = Current->Capacity < MaxCapacity / 2 ? Current->Capacity * 2
                                                       : MaxCapacity;
      Next = allocate(Capacity);
      Next->Prev = Current;
      if (Current)
        Current->Next = Next;
      else
        Head = Next;
    }
    enter(Next, Current ? Below + Current->Capacity : 0);
    Cur = Begin;
    return Begin;
  }

  /// Slow path of pop(): the current chunk is empty, the tape is not. Moves
  /// to the previous (full) chunk, keeping the current one as a spare, and
  /// returns the end of the previous chunk.
  GRADGEN_TAPE_NOINLINE T *prevChunk() noexcept {
    Chunk *Prev = Current->Prev;
    enter(Prev, Below - Prev->Capacity);
    return End;
  }

  static Chunk *allocate(size_type Capacity) {
    size_type Bytes = DataOffset + Capacity * sizeof(T);
    void *Raw;
    if constexpr (OverAligned)
      Raw = ::operator new(Bytes, std::align_val_t(Align));
    else
      Raw = ::operator new(Bytes);
    Chunk *C = ::new (Raw) Chunk;
    C->Prev = nullptr;
    C->Next = nullptr;
    C->Capacity = Capacity;
    return C;
  }

  static void deallocate(Chunk *C) noexcept {
    C->~Chunk();
    if constexpr (OverAligned)
      ::operator delete(static_cast<void *>(C), std::align_val_t(Align));
    else
      ::operator delete(static_cast<void *>(C));
  }

  static void freeChain(Chunk *C) noexcept {
    while (C) {
      Chunk *Next = C->Next;
      deallocate(C);
      C = Next;
    }
  }

  void releaseAll() noexcept {
    freeChain(Head);
    reset();
  }

  void reset() noexcept {
    Cur = Begin = End = nullptr;
    Head = Current = nullptr;
    Below = 0;
  }

  void steal(tape &Other) noexcept {
    Cur = Other.Cur;
    Begin = Other.Begin;
    End = Other.End;
    Head = Other.Head;
    Current = Other.Current;
    Below = Other.Below;
    Other.reset();
  }

  T *Cur = nullptr;         ///< Next free slot in the current chunk.
  T *End = nullptr;         ///< One past the last slot of the current chunk.
  T *Begin = nullptr;       ///< First slot of the current chunk.
  Chunk *Current = nullptr; ///< The chunk Cur points into.
  Chunk *Head = nullptr;    ///< The first chunk.
  size_type Below = 0;      ///< Elements in the chunks before Current.
};

} // namespace gradgen

#undef GRADGEN_TAPE_NOINLINE
#undef GRADGEN_TAPE_UNLIKELY

#endif // GRADGEN_TAPE_H
