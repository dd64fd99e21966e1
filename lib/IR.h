//===- IR.h - gradgen's intermediate representation --------------*- C++ -*-===//
//
// A small structured IR for the body of a function being differentiated.
// The frontend (Frontend.cpp) builds it from Clang's AST; the engine
// (Reverse.cpp) analyses it and prints the gradient. The IR holds no Clang
// types: locations are raw clang::SourceLocation encodings and types are
// spelled as text, so the engine compiles quickly and does not depend on
// Clang's AST API.
//
//===----------------------------------------------------------------------===//
#ifndef GRADGEN_LIB_IR_H
#define GRADGEN_LIB_IR_H

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gradgen {
namespace ir {

/// Raw encoding of a clang::SourceLocation (0 = invalid).
using Loc = uint64_t;

/// The floating kind of a value; None for integers, booleans, pointers.
enum class FloatKind { None, Float, Double, LongDouble };

/// Spelling of a floating kind: "float", "double", "long double".
const char *spell(FloatKind K);

/// A literal of floating kind \p K with decimal text \p Digits, suffixed so
/// that it has exactly that type ("0.5f", "0.5", "0.5L").
std::string literal(FloatKind K, const std::string &Digits);

struct Var {
  enum Kind {
    Scalar,     ///< A local or by-value parameter (floating or integral).
    PointerParam, ///< A parameter `T *p` or `T p[]` with T floating.
    RefParam,   ///< A parameter `T &r` with T floating.
    Array,      ///< A local fixed-size array (Dims) of floating or integers.
    Object,     ///< A struct, std::vector or std::array: a local, or a
                ///< parameter by value (its adjoint is then a pointer).
    ObjectRef,  ///< A parameter `S &s` or `const S &s` to such an object.
  };
  enum ObjectKind { NotObject, Struct, Vector, StdArray };
  ObjectKind OK = NotObject;
  /// Holds floating values somewhere inside (a struct, a vector, an array
  /// of structs): may then vary with the active parameters.
  bool Aggregate = false;
  /// Paths of the floating leaves of a struct (".x", ".in.c[2]").
  std::vector<std::string> Leaves;
  std::vector<FloatKind> LeafFK; ///< The kinds of the Leaves.
  std::vector<std::string> LeafType; ///< Their spellings.
  Kind K = Scalar;
  std::string Name;     ///< Unique within the function.
  std::string SourceName; ///< As written (for diagnostics).
  std::string Type;     ///< Unqualified spelling of the scalar/element type.
  FloatKind FK = FloatKind::None; ///< Floating kind of the value/elements.
  std::vector<uint64_t> Dims; ///< Array dimensions.
  bool IsParam = false;
  bool IsConstParam = false; ///< GRADGEN_CONST, or a const-qualified element
                             ///< pointer is still active; this is the marker.
  bool IsPointerToConst = false; ///< `const T *p`: elements are never written.
  bool DeclaredInLoop = false;
  bool TopLevel = false;   ///< Declared directly in the function's block.
  bool IsInternal = false; ///< Created by gradgen (flags, return value).
  bool Silenced = false;   ///< The source says (void)x: may be unused.
  Loc Where = 0;

  // Filled by the analysis.
  bool Varied = false; ///< May depend on an active parameter.
  bool Needed = false; ///< Its value is read by the reverse sweep.
  bool Hoisted = false; ///< Declared at the top of the generated function.
  std::string Adjoint; ///< Name of its adjoint, if Varied.
  std::string AdjointParam; ///< An active parameter's adjoint pointer.

  bool isFloating() const { return FK != FloatKind::None || Aggregate; }
  bool isArrayLike() const {
    return K == PointerParam || K == Array ||
           ((K == Object || K == ObjectRef) &&
            (OK == Vector || OK == StdArray));
  }
};

struct Expr {
  enum Kind {
    Const,  ///< A literal or an inactive leaf printed as Text.
    VarRef, ///< A variable (V).
    Index,  ///< Ops[0][Ops[1]]: an element of an array-like variable.
    Unary,  ///< Text is the operator: "-", "+", "!", "~".
    Binary, ///< Text is the operator.
    Call,   ///< A math function: Text is the callee to print, Fn its base.
    Cast,   ///< Conversion to Type; Implicit when the source had no cast.
    Cond,   ///< Ops[0] ? Ops[1] : Ops[2].
    Detach, ///< gradgen::detach(Ops[0]).
    UserCall, ///< A call of a function gradgen differentiates through.
    Pointer,  ///< A pointer argument: Ops[0] (an array-like VarRef) plus
              ///< the offset Ops[1] (null for none).
    Member,   ///< Ops[0].Text, or Ops[0]->Text if Arrow.
    Method,   ///< Ops[0].Text(Ops[1...]): size(), empty(); no derivative.
  };
  Kind K;
  std::string Text;
  std::string Fn; ///< Base name of a math function ("sin" for sinf).
  Var *V = nullptr;
  struct Callee *Fun = nullptr; ///< UserCall.
  std::vector<Expr *> Ops;
  std::string Type;        ///< Spelling of the result type.
  FloatKind FK = FloatKind::None; ///< Floating kind of the result.
  bool Implicit = false;
  bool Arrow = false; ///< Member through a pointer.
  Loc Where = 0;

  bool Varied = false; ///< Filled by the analysis.
};

struct JumpTarget;

/// What a caller needs to know of a function it calls.
struct CalleeParam {
  /// Object: a struct, std::vector or std::array, by value or reference;
  /// its adjoint is passed as a pointer to an object of the same type.
  enum Kind { Value, Pointer, Ref, ConstRef, Object };
  Kind K = Value;
  FloatKind FK = FloatKind::None;
  std::string Type;    ///< Element spelling.
  bool Writes = false; ///< The callee may write through it.
  bool Reads = false;  ///< The callee may read through it.
  bool NoGrad = false; ///< GRADGEN_CONST in the callee.
  /// A pointer the callee reads and writes only as p[i], for i from 0 below
  /// its integer parameter number ExtentArg (an index into the call's
  /// arguments): the memory a call may touch, known at the call.
  int ExtentArg = -1;
};

struct Callee {
  std::string Name; ///< As printed in a call (qualified where needed).
  std::string SourceName;
  std::string Ident; ///< For names made from it: operator+ is operator_plus.
  std::vector<CalleeParam> Params;
  std::string ReturnType;
  FloatKind ReturnFK = FloatKind::None;
  bool ReturnsVoid = false;
  const void *Handle = nullptr; ///< The callee's FunctionDecl.
  bool Custom = false;          ///< The user wrote its pullback.
  std::string CustomPullback;   ///< Its qualified name.
  std::vector<bool> CustomMask; ///< Which parameters it takes adjoints for.
  std::vector<std::string> Namespaces;
  /// Returns a struct: gradgen treats the result as an out-parameter, the
  /// last argument of the call (the object the result goes to), and the
  /// call prints as `dest = f(args)`.
  bool ResultOut = false;
  Var ResultShape; ///< The result's type and leaves, for temporaries.
  /// A member function: the object is the first argument, and the call
  /// prints as `obj.Method(args)`.
  bool IsMethod = false;
  std::string Method;
  /// An overloaded arithmetic operator ("+", "-", "*", "/"), printed as one:
  /// `a + b`, `-a`.
  std::string Operator;
};

struct Stmt {
  enum Kind {
    Block,    ///< Body.
    Decl,     ///< Declaration of V without initializer.
    Assign,   ///< LHS Op RHS; Op is "=", "+=", "-=", "*=", "/=".
    If,       ///< if (Cond) Body else Else.
    Loop,     ///< while (Cond) Body, or do Body while (Cond) if !TestFirst.
    Return,   ///< return RHS (RHS may be null).
    Break,    ///< Leaves Target.
    Continue, ///< Next iteration of Target.
    Call,     ///< A call statement: RHS is a UserCall whose value is unused.
    VecOp,    ///< LHS.Op(RHS) on a local std::vector: "push_back", "resize".
  };
  Kind K;
  Loc Where = 0;
  // Assign.
  Expr *LHS = nullptr;
  std::string Op;
  Expr *RHS = nullptr;
  bool IsDecl = false;  ///< The initializer of a declaration.
  bool NoGrad = false;  ///< After a no_grad guard: carries no gradient.
  Loc NoGradGuard = 0;  ///< The guard's location.
  // Decl.
  Var *V = nullptr;
  // If / Loop.
  Expr *Cond = nullptr;
  std::vector<Stmt *> Body;
  std::vector<Stmt *> Else;
  std::vector<Stmt *> Step; ///< A for loop's increment (before lowering).
  bool TestFirst = true;
  bool Synthetic = false; ///< A Block gradgen made (a for's scope): no braces.
  // Break / Continue / a Loop or a switch Block that owns a target.
  JumpTarget *Target = nullptr;
};

/// A loop or switch that break/continue refer to.
struct JumpTarget {
  bool IsLoop = true;
  Var *BreakFlag = nullptr;
  Var *ContinueFlag = nullptr;
};

struct Param {
  Var *V = nullptr;
  std::string Decl; ///< The declaration as printed in the signature.
  bool Active = false;
};

/// A diagnostic produced by the engine, emitted by the frontend.
struct Diag {
  enum Level { Error, Warning, Note };
  Level L;
  Loc Where;
  std::string Message;
};

struct Function {
  std::string Name;
  std::vector<std::string> Namespaces; ///< Enclosing namespaces, outermost
                                       ///< first ("" = anonymous).
  std::string ReturnType;
  FloatKind ReturnFK = FloatKind::None;
  bool IsStatic = false;
  Loc Where = 0;
  std::vector<Param> Params;
  std::vector<Stmt *> Body;
  Var *Ret = nullptr; ///< Holds the return value after lowering.
  std::vector<std::string> UsedNames; ///< Identifiers a new name must avoid.
  std::vector<Loc> NoGradGuards;      ///< Every no_grad guard.
  bool ReturnsVoid = false;
  /// A pullback generated for a callee: only `PullbackName`, internal.
  bool CalleeVariant = false;
  std::string PullbackName; ///< Set for callee variants.

  Var *newVar() {
    Vars.push_back(std::make_unique<Var>());
    return Vars.back().get();
  }
  Expr *newExpr(Expr::Kind K) {
    Exprs.push_back(std::make_unique<Expr>());
    Exprs.back()->K = K;
    return Exprs.back().get();
  }
  Stmt *newStmt(Stmt::Kind K) {
    Stmts.push_back(std::make_unique<Stmt>());
    Stmts.back()->K = K;
    return Stmts.back().get();
  }
  Callee *newCallee() {
    Callees.push_back(std::make_unique<Callee>());
    return Callees.back().get();
  }
  JumpTarget *newTarget() {
    Targets.push_back(std::make_unique<JumpTarget>());
    return Targets.back().get();
  }

  std::vector<std::unique_ptr<Var>> Vars;
  std::vector<std::unique_ptr<Expr>> Exprs;
  std::vector<std::unique_ptr<Stmt>> Stmts;
  std::vector<std::unique_ptr<JumpTarget>> Targets;
  std::vector<std::unique_ptr<Callee>> Callees;
};

/// The generated code for one function.
struct Generated {
  std::string Definition;  ///< Namespaced definitions.
  std::string Declaration; ///< Namespaced declarations.
  bool Internal = false;   ///< Internal linkage: not for a header.
};

/// Asked by the engine for the pullback of a callee, with the parameters
/// that need adjoints (\p Mask). Returns the name to call (qualified as seen
/// from \p Caller), or an empty string after adding an error at \p Where.
using PullbackRequest = std::function<std::string(
    const Function &Caller, Callee &C, const std::vector<bool> &Mask,
    Loc Where, std::vector<Diag> &Diags)>;

/// Differentiates \p F. Appends diagnostics to \p Diags; returns false (and
/// generates nothing) if any is an error.
bool differentiate(Function &F, const PullbackRequest &Request,
                   std::vector<Diag> &Diags, Generated &Out);

} // namespace ir
} // namespace gradgen

#endif // GRADGEN_LIB_IR_H
