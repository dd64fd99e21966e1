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
// Loops whose trip count is known when they start use the unchecked pair:
// reserve(n) before the loop makes room for n elements in one chunk (at most
// one chunk change, outside the loop), push_unchecked() stores without a
// capacity check; before the reverse loop, settle() makes the chunk holding
// the top element current, and pop_unchecked() pops without a check. A loop
// with no call in it lets the compiler keep its floating-point values in
// registers: a possible call in push() would make it keep them in memory.
// A chunk that reserve() leaves before it is full records how much of it is
// used, so that pop() steps back to the right element.
//
//===----------------------------------------------------------------------===//
#ifndef GRADGEN_TAPE_H
#define GRADGEN_TAPE_H

#include <cassert>
#include <cstddef>
#include <cstdlib>
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
    if (GRADGEN_TAPE_UNLIKELY(C == End) && !(C = nextChunk()))
      outOfMemory();
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

  /// Makes room for \p N more elements in the current chunk, moving to a
  /// (possibly new, possibly larger) chunk if it has less room. The next \p N
  /// pushes, with no reserve() or push() between them, may use
  /// push_unchecked().
  void reserve(size_type N) {
    if (GRADGEN_TAPE_UNLIKELY(static_cast<size_type>(End - Cur) < N) &&
        !reserveSlow(N))
      outOfMemory();
  }

  /// Pushes a copy of \p V into room made by reserve().
  void push_unchecked(const T &V) {
    assert(Cur != End && "push_unchecked() beyond reserve()");
    ::new (static_cast<void *>(Cur)) T(V);
    ++Cur;
  }

  /// Makes the chunk that holds the top element current. The elements pushed
  /// with push_unchecked() after one reserve() can then be popped, in reverse
  /// order, with pop_unchecked(), provided no element pushed after them is
  /// left on the tape.
  void settle() noexcept {
    if (GRADGEN_TAPE_UNLIKELY(Cur == Begin) && Below != 0)
      Cur = prevChunk();
  }

  /// Removes the top element and returns it; see settle().
  T pop_unchecked() {
    assert(Cur != Begin && "pop_unchecked() without settle()");
    --Cur;
    return *Cur;
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
    if (Cur == Begin) {
      Chunk *Prev = Current->Prev;
      enter(Prev, Below - Prev->Used);
      Cur = Begin + Prev->Used;
    }
    freeChain(Current->Next);
    Current->Next = nullptr;
  }

private:
  /// A chunk header, followed in the same allocation by Capacity elements.
  struct Chunk {
    Chunk *Prev;
    Chunk *Next;
    size_type Capacity;
    /// Elements in use when the tape moved on to the next chunk: Capacity,
    /// unless reserve() moved on early.
    size_type Used;

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
      return Current->Prev->data() + (Current->Prev->Used - 1);
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

  // The slow paths do not throw: they report a failed allocation to their
  // inline caller, which throws std::bad_alloc from a separate function that
  // does not return. A call that may throw has an exception edge that makes
  // g++ keep the floating-point variables live across it in memory (for the
  // whole function, loops included); a call that cannot does not.

  /// Slow path of push(): the current chunk is full (or there is none). Moves
  /// to the next chunk, allocating it if there is no spare one, and returns
  /// the slot for the new element (null if the allocation failed).
  GRADGEN_TAPE_NOINLINE T *nextChunk() noexcept {
    Chunk *Next = Current ? Current->Next : Head;
    if (!Next && !(Next = insertAfter(Current, grownCapacity())))
      return nullptr;
    moveTo(Next);
    return Begin;
  }

  /// Throws std::bad_alloc (aborts without exceptions).
  [[noreturn]] GRADGEN_TAPE_NOINLINE static void outOfMemory() {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
    throw std::bad_alloc();
#else
    std::abort();
#endif
  }

  /// The capacity of a chunk allocated after the current one.
  size_type grownCapacity() const noexcept {
    if (!Current)
      return FirstCapacity;
    return Current->Capacity < MaxCapacity / 2 ? Current->Capacity * 2
                                               : MaxCapacity;
  }

  /// Allocates a chunk of \p Capacity and links it after \p C (first if C
  /// is null), before the spare chunks that followed C. Null if the
  /// allocation fails.
  Chunk *insertAfter(Chunk *C, size_type Capacity) noexcept {
    Chunk *N = allocate(Capacity);
    if (!N)
      return nullptr;
    Chunk *&Link = C ? C->Next : Head;
    N->Prev = C;
    N->Next = Link;
    if (Link)
      Link->Prev = N;
    Link = N;
    return N;
  }

  /// Leaves the current chunk (recording how much of it is used) for \p N,
  /// the chunk after it, with Cur at its first slot.
  void moveTo(Chunk *N) noexcept {
    size_type NewBelow = 0;
    if (Current) {
      Current->Used = static_cast<size_type>(Cur - Begin);
      NewBelow = Below + Current->Used;
    }
    enter(N, NewBelow);
    Cur = Begin;
  }

  /// Slow path of reserve(): the current chunk has less than \p N free slots.
  /// False if an allocation failed (the tape is unchanged).
  GRADGEN_TAPE_NOINLINE bool reserveSlow(size_type N) noexcept {
    size_type Capacity = grownCapacity();
    if (Capacity < N)
      Capacity = N;
    if (Current && Cur == Begin) {
      // The current chunk is empty: put a large enough one in its place.
      Chunk *Old = Current;
      Chunk *New = insertAfter(Old->Prev, Capacity);
      if (!New)
        return false;
      New->Next = Old->Next;
      if (Old->Next)
        Old->Next->Prev = New;
      deallocate(Old);
      enter(New, Below);
      Cur = Begin;
      return true;
    }
    Chunk *Next = Current ? Current->Next : Head;
    if ((!Next || Next->Capacity < N) &&
        !(Next = insertAfter(Current, Capacity)))
      return false;
    moveTo(Next);
    return true;
  }

  /// Slow path of pop(): the current chunk is empty, the tape is not. Moves
  /// to the previous (full) chunk, keeping the current one as a spare, and
  /// returns the end of the previous chunk.
  GRADGEN_TAPE_NOINLINE T *prevChunk() noexcept {
    Chunk *Prev = Current->Prev;
    enter(Prev, Below - Prev->Used);
    return Begin + Prev->Used;
  }

  /// A chunk of \p Capacity elements, or null if there is no memory.
  static Chunk *allocate(size_type Capacity) noexcept {
    if (Capacity > (static_cast<size_type>(-1) - DataOffset) / sizeof(T))
      return nullptr;
    size_type Bytes = DataOffset + Capacity * sizeof(T);
    void *Raw;
    if constexpr (OverAligned)
      Raw = ::operator new(Bytes, std::align_val_t(Align), std::nothrow);
    else
      Raw = ::operator new(Bytes, std::nothrow);
    if (!Raw)
      return nullptr;
    Chunk *C = ::new (Raw) Chunk;
    C->Prev = nullptr;
    C->Next = nullptr;
    C->Capacity = Capacity;
    C->Used = 0;
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
