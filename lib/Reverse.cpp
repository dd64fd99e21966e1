//===- Reverse.cpp - Reverse-mode differentiation of the IR ---------------===//
//
// The engine proper, in stages:
//   1. lowerJumps: return/break/continue become flags and guards, so the body
//      is a tree of blocks, assignments, ifs and loops with no jumps.
//   2. analyse: activity (what varies with an active parameter; what
//      detach() and no_grad cut), the generation-time errors and warnings,
//      and what the reverse sweep reads (to-be-recorded analysis).
//   3. plan: for every overwrite of a value the reverse sweep reads, how to
//      get the old value back (invert an integer step, or record it: on the
//      tape inside loops, in a local outside them); for every branch and
//      loop with reverse work, where to keep the decision or trip count.
//   4. emit: the forward sweep (the primal plus its recordings) and the
//      reverse sweep (each statement undone in reverse order: restore, then
//      propagate adjoints), as C++ text.
//
// The reverse sweep keeps one invariant: when a statement is reversed, every
// variable it reads holds the value it held when the statement ran forward.
//
//===----------------------------------------------------------------------===//

#include "IR.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cassert>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace gradgen {
namespace ir {

const char *spell(FloatKind K) {
  switch (K) {
  case FloatKind::Float:
    return "float";
  case FloatKind::Double:
    return "double";
  case FloatKind::LongDouble:
    return "long double";
  case FloatKind::None:
    break;
  }
  return "int";
}

std::string literal(FloatKind K, const std::string &Digits) {
  switch (K) {
  case FloatKind::Float:
    return Digits + (Digits.find('.') == std::string::npos ? ".0f" : "f");
  case FloatKind::LongDouble:
    return Digits + (Digits.find('.') == std::string::npos ? ".0L" : "L");
  default:
    return Digits;
  }
}

namespace {

//===----------------------------------------------------------------------===//
// Walking the IR
//===----------------------------------------------------------------------===//

void forEachStmt(const std::vector<Stmt *> &List,
                 const std::function<void(Stmt *)> &Fn) {
  for (Stmt *S : List) {
    Fn(S);
    forEachStmt(S->Body, Fn);
    forEachStmt(S->Else, Fn);
    forEachStmt(S->Step, Fn);
  }
}

void forEachExpr(Expr *E, const std::function<void(Expr *)> &Fn) {
  if (!E)
    return;
  Fn(E);
  for (Expr *O : E->Ops)
    forEachExpr(O, Fn);
}

/// The variable an lvalue expression names.
Var *rootVar(Expr *E) {
  while (E->K == Expr::Index || E->K == Expr::Member)
    E = E->Ops[0];
  return E->K == Expr::VarRef ? E->V : nullptr;
}

bool mentions(Expr *E, Var *V) {
  bool Found = false;
  forEachExpr(E, [&](Expr *X) {
    if (X->K == Expr::VarRef && X->V == V)
      Found = true;
  });
  return Found;
}

/// The user call a statement makes: `x = g(...)` or `g(...);`.
Expr *callOf(Stmt *S) {
  if ((S->K == Stmt::Call || S->K == Stmt::Assign) && S->RHS &&
      S->RHS->K == Expr::UserCall)
    return S->RHS;
  return nullptr;
}

/// The variable an argument passed by pointer or reference belongs to.
Var *argVar(Expr *A) {
  if (A->K == Expr::Pointer && A->Implicit)
    return rootVar(A->Ops[0]);
  if (A->K == Expr::Pointer)
    return A->Ops[0]->V;
  return rootVar(A);
}

bool containsUserCall(Expr *E) {
  bool Found = false;
  forEachExpr(E, [&](Expr *X) { Found |= X->K == Expr::UserCall; });
  return Found;
}

//===----------------------------------------------------------------------===//
// Stage 1: lowering jumps
//===----------------------------------------------------------------------===//

class JumpLowering {
public:
  JumpLowering(Function &F, std::function<std::string(const char *)> Fresh)
      : F(F), Fresh(std::move(Fresh)) {}

  void run() {
    conditionCalls(F.Body);
    std::set<Var *> Esc;
    F.Body = list(F.Body, 0, Esc);
    prune();
  }

private:
  Function &F;
  std::function<std::string(const char *)> Fresh;
  Var *RetFlag = nullptr;

  Var *flag(Var *&Slot, const char *Name) {
    if (!Slot) {
      Slot = F.newVar();
      Slot->Name = Fresh(Name);
      Slot->Type = "bool";
      Slot->IsInternal = true;
    }
    return Slot;
  }
  Expr *ref(Var *V) {
    Expr *E = F.newExpr(Expr::VarRef);
    E->V = V;
    E->Type = V->Type;
    E->FK = V->FK;
    return E;
  }
  Expr *lit(const char *Text) {
    Expr *E = F.newExpr(Expr::Const);
    E->Text = Text;
    E->Type = "bool";
    return E;
  }
  Stmt *set(Var *V, bool Value) {
    Stmt *S = F.newStmt(Stmt::Assign);
    S->LHS = ref(V);
    S->Op = "=";
    S->RHS = lit(Value ? "true" : "false");
    return S;
  }
  /// !(f1 || f2 || ...)
  Expr *none(const std::set<Var *> &Flags) {
    Expr *Any = nullptr;
    for (Var *V : Flags) {
      if (!Any) {
        Any = ref(V);
        continue;
      }
      Expr *Or = F.newExpr(Expr::Binary);
      Or->Text = "||";
      Or->Type = "bool";
      Or->Ops = {Any, ref(V)};
      Any = Or;
    }
    Expr *Not = F.newExpr(Expr::Unary);
    Not->Text = "!";
    Not->Type = "bool";
    Not->Ops = {Any};
    return Not;
  }

  /// A loop condition that calls a user function is evaluated in the body,
  /// where the call can have a statement of its own:
  ///   while (C) B   becomes  while (true) { if (!C) break; B }
  ///   do B while (C)  becomes  do { B; _go = C; } while (_go)
  /// with `_go = C` as the loop's step, which a continue does not skip (the
  /// test of a do-while runs after a continue) and a break or return does.
  void conditionCalls(std::vector<Stmt *> &L) {
    for (Stmt *S : L) {
      conditionCalls(S->Body);
      conditionCalls(S->Else);
      if (S->K != Stmt::Loop || !containsUserCall(S->Cond))
        continue;
      Expr *C = S->Cond;
      if (S->TestFirst) {
        Stmt *Exit = F.newStmt(Stmt::Break);
        Exit->Where = C->Where;
        Exit->Target = S->Target;
        Stmt *Test = F.newStmt(Stmt::If);
        Test->Where = C->Where;
        Test->Cond = F.newExpr(Expr::Unary);
        Test->Cond->Text = "!";
        Test->Cond->Type = "bool";
        Test->Cond->Where = C->Where;
        Test->Cond->Ops = {C};
        Test->Body = {Exit};
        S->Body.insert(S->Body.begin(), Test);
        S->Cond = lit("true");
        continue;
      }
      Var *Go = F.newVar();
      Go->Name = Fresh("_go");
      Go->SourceName = Go->Name;
      Go->Type = "bool";
      Go->IsInternal = true;
      Stmt *A = F.newStmt(Stmt::Assign);
      A->LHS = ref(Go);
      A->Op = "=";
      A->RHS = C;
      A->Where = C->Where;
      S->Step.push_back(A);
      S->Cond = ref(Go);
    }
  }

  /// Lowers In[From...]; adds to Esc the flags that may be set on exit.
  std::vector<Stmt *> list(const std::vector<Stmt *> &In, size_t From,
                           std::set<Var *> &Esc) {
    std::vector<Stmt *> Out;
    for (size_t I = From; I < In.size(); ++I) {
      Stmt *S = In[I];
      std::set<Var *> E;
      switch (S->K) {
      case Stmt::Return: {
        if (S->RHS) {
          Stmt *A = F.newStmt(Stmt::Assign);
          A->LHS = ref(F.Ret);
          A->Op = "=";
          A->RHS = S->RHS;
          A->Where = S->Where;
          A->NoGrad = S->NoGrad;
          A->NoGradGuard = S->NoGradGuard;
          Out.push_back(A);
        }
        Out.push_back(set(flag(RetFlag, "_returned"), true));
        Esc.insert(RetFlag);
        return Out; // The rest of the list never runs.
      }
      case Stmt::Break:
      case Stmt::Continue: {
        Var *Flag = S->K == Stmt::Break
                        ? flag(S->Target->BreakFlag, "_break")
                        : flag(S->Target->ContinueFlag, "_continue");
        Out.push_back(set(Flag, true));
        Esc.insert(Flag);
        return Out;
      }
      case Stmt::Block: {
        S->Body = list(S->Body, 0, E);
        if (S->Target && S->Target->BreakFlag) {
          E.erase(S->Target->BreakFlag);
          S->Body.insert(S->Body.begin(), set(S->Target->BreakFlag, false));
        }
        Out.push_back(S);
        break;
      }
      case Stmt::If: {
        S->Body = list(S->Body, 0, E);
        S->Else = list(S->Else, 0, E);
        Out.push_back(S);
        break;
      }
      case Stmt::Loop:
        loop(S, Out, E);
        break;
      case Stmt::Decl:
      case Stmt::Call:
      case Stmt::VecOp:
      case Stmt::Assign:
        Out.push_back(S);
        break;
      }
      if (E.empty())
        continue;
      Esc.insert(E.begin(), E.end());
      std::set<Var *> RestEsc;
      std::vector<Stmt *> Rest = list(In, I + 1, RestEsc);
      if (!Rest.empty()) {
        Stmt *Guard = F.newStmt(Stmt::If);
        Guard->Cond = none(E);
        Guard->Body = std::move(Rest);
        Out.push_back(Guard);
        Esc.insert(RestEsc.begin(), RestEsc.end());
      }
      return Out;
    }
    return Out;
  }

  void loop(Stmt *S, std::vector<Stmt *> &Out, std::set<Var *> &Esc) {
    std::set<Var *> E;
    std::vector<Stmt *> Body = list(S->Body, 0, E);
    JumpTarget *T = S->Target;
    std::set<Var *> Leaving = E; // Flags that end the loop.
    if (T->ContinueFlag)
      Leaving.erase(T->ContinueFlag);
    if (!S->Step.empty()) {
      if (Leaving.empty()) {
        Body.insert(Body.end(), S->Step.begin(), S->Step.end());
      } else {
        Stmt *Guard = F.newStmt(Stmt::If);
        Guard->Cond = none(Leaving);
        Guard->Body = S->Step;
        Body.push_back(Guard);
      }
      S->Step.clear();
    }
    if (T->ContinueFlag && E.count(T->ContinueFlag))
      Body.insert(Body.begin(), set(T->ContinueFlag, false));
    S->Body = std::move(Body);
    bool Always = S->Cond->K == Expr::Const && S->Cond->Text == "true";
    if (!Leaving.empty() && Always) {
      S->Cond = none(Leaving);
    } else if (!Leaving.empty()) {
      Expr *And = F.newExpr(Expr::Binary);
      And->Text = "&&";
      And->Type = "bool";
      And->Ops = {none(Leaving), S->Cond};
      S->Cond = And;
    }
    if (T->BreakFlag && E.count(T->BreakFlag))
      Out.push_back(set(T->BreakFlag, false));
    Out.push_back(S);
    for (Var *V : E)
      if (V != T->BreakFlag && V != T->ContinueFlag)
        Esc.insert(V);
  }

  /// Removes assignments to flags that nothing reads.
  void prune() {
    std::set<Var *> Read;
    forEachStmt(F.Body, [&](Stmt *S) {
      auto Note = [&](Expr *E) {
        forEachExpr(E, [&](Expr *X) {
          if (X->K == Expr::VarRef)
            Read.insert(X->V);
        });
      };
      Note(S->Cond);
      Note(S->RHS);
      if (S->LHS && S->LHS->K == Expr::Index)
        Note(S->LHS);
    });
    std::function<void(std::vector<Stmt *> &)> Prune =
        [&](std::vector<Stmt *> &L) {
          L.erase(std::remove_if(L.begin(), L.end(),
                                 [&](Stmt *S) {
                                   return S->K == Stmt::Assign &&
                                          S->LHS->K == Expr::VarRef &&
                                          S->LHS->V->IsInternal &&
                                          S->LHS->V->Type == "bool" &&
                                          S->LHS->V != F.Ret &&
                                          !Read.count(S->LHS->V);
                                 }),
                  L.end());
          for (Stmt *S : L) {
            Prune(S->Body);
            Prune(S->Else);
          }
        };
    Prune(F.Body);
  }
};

//===----------------------------------------------------------------------===//
// Text with precedence, for printing C++ expressions
//===----------------------------------------------------------------------===//

struct Txt {
  std::string S;
  int Prec = 0; ///< 0 atom, 2 postfix, 3 unary, 5 mul, 6 add, ... 16 ?:.
};

int binaryPrec(const std::string &Op) {
  static const std::map<std::string, int> P = {
      {"*", 5},   {"/", 5},   {"%", 5},  {"+", 6},  {"-", 6},
      {"<<", 7},  {">>", 7},  {"<", 9},  {">", 9},  {"<=", 9},
      {">=", 9},  {"==", 10}, {"!=", 10}, {"&", 11}, {"^", 12},
      {"|", 13},  {"&&", 14}, {"||", 15}};
  auto It = P.find(Op);
  return It == P.end() ? 16 : It->second;
}

std::string paren(const Txt &T, int Max) {
  return T.Prec > Max ? "(" + T.S + ")" : T.S;
}

/// Does a child of precedence C under operator Op deserve parentheses even
/// where the grammar does not need them (what -Wparentheses asks)?
bool clarify(const std::string &Op, int C) {
  if (Op == "||")
    return C == 14;
  if (Op == "|" || Op == "^" || Op == "&")
    return C > 3;
  if (Op == "<<" || Op == ">>")
    return C == 6;
  return false;
}

Txt bin(const Txt &A, const std::string &Op, const Txt &B) {
  int P = binaryPrec(Op);
  // Left-associative: the right operand needs parentheses at equal
  // precedence.
  std::string L = clarify(Op, A.Prec) ? "(" + A.S + ")" : paren(A, P);
  std::string R = clarify(Op, B.Prec) ? "(" + B.S + ")" : paren(B, P - 1);
  return {L + " " + Op + " " + R, P};
}

Txt neg(const Txt &A) {
  if (!A.S.empty() && A.S[0] == '-' && A.Prec == 3)
    return {A.S.substr(1), 0}; // -(-x) is x; keep it readable.
  return {"-" + paren(A, 2), 3};
}

Txt atom(const std::string &S) { return {S, 0}; }

//===----------------------------------------------------------------------===//
// The engine
//===----------------------------------------------------------------------===//

/// How the reverse sweep gets back the value an assignment overwrote.
enum class Restore { None, Invert, Record };

/// Where a value is kept from the forward to the reverse sweep.
struct Slot {
  bool OnTape = false;
  std::string Name; ///< The tape, or the local.
};

class Engine {
public:
  Engine(Function &F, const PullbackRequest &Request, std::vector<Diag> &Diags)
      : F(F), Request(Request), Diags(Diags) {}
  bool run(Generated &Out);

private:
  Function &F;
  const PullbackRequest &Request;
  std::vector<Diag> &Diags;
  std::set<std::string> Taken;
  bool Failed = false;

  /// Memory a call overwrites, recorded before the call.
  struct Record {
    Expr *Arg;          ///< The lvalue (Ref) or the Pointer argument.
    Var *Base;          ///< The variable it belongs to.
    uint64_t Count = 1; ///< Elements (a whole local array for pointers).
    Slot Where;
    bool Stack = false; ///< A std::vector, kept whole on a stack of copies.
    /// Pointer memory of a length known at the call (Count elements of it
    /// from the argument's offset), kept on a stack of std::vector copies.
    Expr *Extent = nullptr;
  };
  std::map<Stmt *, std::vector<Record>> CallRecords;
  /// How a call is reversed.
  struct CallPlan {
    std::string Name;        ///< The pullback to call.
    std::vector<bool> Mask;  ///< Arguments passed an adjoint.
    std::vector<bool> Dummy; ///< ... of which only a scratch one.
  };
  std::map<Stmt *, CallPlan> CallPlans;
  std::map<Stmt *, std::set<Var *>> RevReads; ///< What each reverse reads.
  std::set<Stmt *> Recomputed; ///< Assignments redone in reverse.
  std::map<Stmt *, std::vector<Stmt *>> RecomputeBefore;
  std::map<Stmt *, std::vector<Var *>> LoopSaves; ///< Kept around loops.
  std::map<std::pair<Stmt *, Var *>, Slot> LoopSaveSlots;
  void writes(Stmt *S, std::set<Var *> &Out);
  std::set<Var *> reverseReads(Stmt *S);
  void findRecomputations();
  void findLoopSaves(std::vector<Stmt *> &L);
  std::map<Stmt *, std::string> VecStacks; ///< Old contents of a vector.
  void forwardVecOp(Stmt *S, std::string &Out, const std::string &Pad);
  void reverseVecOp(Stmt *S, std::string &Out, int Ind);
  void planCall(Stmt *S, Expr *C, bool Loop);
  void useOutputTape(const std::string &Type, Loc Where);
  /// Statements in program order, and which run inside loops.
  std::vector<Stmt *> Order;
  void order(const std::vector<Stmt *> &L, bool Loop) {
    for (Stmt *S : L) {
      Order.push_back(S);
      if (Loop)
        InLoop[S] = true;
      order(S->Body, Loop || S->K == Stmt::Loop);
      order(S->Else, Loop);
    }
  }
  /// Does any statement before S (in program order) mention V?
  bool usedBefore(Var *V, Stmt *S) {
    for (Stmt *X : Order) {
      if (X == S)
        return false;
      bool Used = false;
      for (Expr *E : {X->LHS, X->RHS, X->Cond})
        if (E && mentions(E, V))
          Used = true;
      if (Used)
        return true;
    }
    return false;
  }
  void hoistCalls(std::vector<Stmt *> &L, int Depth);
  Expr *hoist(Expr *E, std::vector<Stmt *> &Before, bool Root, int Depth,
              Stmt *Owner);
  Expr *varRef(Var *V, Loc Where);
  Stmt *hoistedTemp(Expr *E, const std::string &Base, int Depth, Stmt *Owner,
                    Expr *&R);
  std::string recordCode(const Record &R);
  /// `for (std::size_t j = 0; j < N; ++j) Body(j)`, from N down to 0 if
  /// Down; j is a fresh name scoped to the loop.
  std::string
  elementLoop(const std::string &N, bool Down,
              const std::function<std::string(const std::string &)> &Body) {
    std::string J = fresh("_j");
    Taken.erase(J);
    return "for (std::size_t " + J +
           (Down ? " = " + N + "; " + J + "-- > 0;) "
                 : " = 0; " + J + " < " + N + "; ++" + J + ") ") +
           Body(J);
  }
  std::string argText(Expr *A, const CalleeParam &P);
  void reverseCall(Stmt *S, std::string &Out, int Ind);

  // Analysis results.
  std::map<Stmt *, Restore> Restores;
  std::map<Stmt *, Slot> Slots;   ///< Recorded values, decisions, counts.
  std::map<Stmt *, bool> InLoop;  ///< Executed more than once per call?
  std::map<Stmt *, bool> RevWork; ///< Has work in the reverse sweep?
  std::map<std::string, std::string> Tapes; ///< Element type -> tape name.
  std::vector<std::string> Hoisted; ///< Declarations at the top.
  std::set<Var *> InPlace;        ///< Declared where the source has them.
  std::string OutputTape;         ///< Cells to write back, if any.
  std::string OutputTapeType;

  /// Prefix + V's name, without a double underscore (reserved in C++):
  /// _saved_x, and _saved_or for gradgen's own _or.
  static std::string prefixed(const std::string &Prefix, const Var *V) {
    return Prefix + V->Name.substr(V->Name[0] == '_' ? 1 : 0);
  }
  std::string fresh(const std::string &Base) {
    std::string Name = Base;
    for (unsigned N = 1; Taken.count(Name); ++N)
      Name = Base + std::to_string(N);
    Taken.insert(Name);
    return Name;
  }

  // Stage 2.
  bool varied(Expr *E);
  void controlOnlyCalls();
  void analyseActivity();
  bool checkResult();
  void warnUnused();
  std::set<Var *> usefulBefore(const std::vector<Stmt *> &L,
                               std::set<Var *> Useful);
  void analyseNeeded();
  // Stage 3.
  void plan(std::vector<Stmt *> &L, bool Loop);
  /// Loops whose trip count is known when they start reserve their tape
  /// elements before the loop and push and pop them unchecked: no call in
  /// the loop, so its floating-point values can stay in registers.
  void planReserves(const std::vector<Stmt *> &L);
  std::string tripCount(Stmt *S);
  std::string tripCount(Stmt *S, Var *I, Expr *Bound, bool Up,
                        bool Inclusive);
  void countPushes(const std::vector<Stmt *> &L, bool Nested,
                   std::map<std::string, uint64_t> &Direct,
                   std::set<std::string> &InNested);
  /// Per loop: tape name -> elements pushed per iteration (at most).
  std::map<Stmt *, std::map<std::string, uint64_t>> Reserved;
  std::map<Stmt *, std::string> Trips; ///< Trip counts, as C++ text.
  std::vector<Stmt *> LoopStack;       ///< Loops around the code emitted.
  /// Is V saved once around one of the loops being emitted (LoopSaves)
  /// rather than restored at each overwrite?
  bool keptAroundLoop(Var *V) const {
    for (Stmt *L : LoopStack) {
      auto It = LoopSaves.find(L);
      if (It != LoopSaves.end() &&
          std::find(It->second.begin(), It->second.end(), V) !=
              It->second.end())
        return true;
    }
    return false;
  }
  bool unchecked(const std::string &Tape) const {
    if (LoopStack.empty())
      return false;
    auto It = Reserved.find(LoopStack.back());
    return It != Reserved.end() && It->second.count(Tape);
  }
  std::string pushOp(const std::string &Tape) const {
    return Tape + (unchecked(Tape) ? ".push_unchecked(" : ".push(");
  }
  std::string popOp(const std::string &Tape) const {
    return Tape + (unchecked(Tape) ? ".pop_unchecked()" : ".pop()");
  }
  bool hasRevWork(Stmt *S);
  bool hasRevWorkAround(Stmt *S);
  std::string tapeFor(const std::string &Type);
  // Stage 4.
  Txt print(Expr *E);
  Txt adjointOf(Expr *LValue);
  void forward(const std::vector<Stmt *> &L, std::string &Out, int Ind);
  void reverse(const std::vector<Stmt *> &L, std::string &Out, int Ind);
  void reverseLoop(Stmt *S, std::string &Out, int Ind);
  void reverseAssign(Stmt *S, std::string &Out, int Ind);
  std::string restoreCode(Stmt *S);

  // Adjoint propagation through one expression.
  struct Prop {
    Engine &En;
    std::string &Out;
    int Ind;
    std::map<Expr *, std::string> Memo;
    unsigned &Counter;
    /// An adjoint to be zeroed: its first contribution assigns instead.
    std::string Pending;
    void line(const std::string &S) {
      Out += std::string(Ind * 2, ' ') + S + "\n";
    }
    void flush() {
      if (!Pending.empty())
        line(Pending + " = 0;");
      Pending.clear();
    }
    std::string temp(const std::string &Type, const Txt &Value) {
      std::string Name = En.fresh("_t" + std::to_string(Counter++));
      En.Taken.erase(Name); // Scoped to this statement.
      line(Type + " " + Name + " = " + Value.S + ";");
      return Name;
    }
    Txt val(Expr *E) {
      auto It = Memo.find(E);
      if (It != Memo.end())
        return atom(It->second);
      Txt T = En.print(E);
      // Leaves are cheap to print twice; a call is not.
      if (E->K != Expr::Call &&
          (T.Prec == 0 || (E->K == Expr::Index && T.Prec <= 2)))
        return T;
      std::string Name = temp(E->Type, T);
      Memo[E] = Name;
      return atom(Name);
    }
    Txt share(const Txt &G, unsigned Uses, const std::string &Type) {
      if (Uses < 2 || G.Prec == 0)
        return G;
      return atom(temp(Type, G));
    }
    void run(Expr *E, Txt G);
    void call(Expr *E, const Txt &G);
  };

  std::string emitFunction(bool Pullback, std::string &Out);
  void emitBody(bool Pullback, const std::string &Seed, std::string &Out);
};

//===--- Stage 2: analysis ------------------------------------------------===//

bool isZeroDerivative(const std::string &Fn) {
  return Fn == "floor" || Fn == "ceil" || Fn == "trunc" || Fn == "round" ||
         Fn == "nearbyint" || Fn == "rint";
}

bool Engine::varied(Expr *E) {
  bool V = false;
  switch (E->K) {
  case Expr::Const:
    break;
  case Expr::VarRef:
    V = E->V->Varied && E->V->isFloating();
    break;
  case Expr::Index:
    varied(E->Ops[1]);
    varied(E->Ops[0]);
    V = rootVar(E)->Varied && rootVar(E)->isFloating();
    break;
  case Expr::Member:
    varied(E->Ops[0]);
    V = rootVar(E)->Varied && rootVar(E)->isFloating();
    break;
  case Expr::Method:
    for (Expr *O : E->Ops)
      varied(O);
    break;
  case Expr::Unary:
  case Expr::Binary:
  case Expr::Cast:
    for (Expr *O : E->Ops)
      V |= varied(O);
    break;
  case Expr::UserCall: {
    for (size_t I = 0; I < E->Ops.size(); ++I) {
      bool A = varied(E->Ops[I]);
      if (E->Fun->Params[I].K == CalleeParam::Object) {
        Var *R = rootVar(E->Ops[I]);
        A = R && R->Varied && R->isFloating();
      }
      if (!E->Fun->Params[I].NoGrad && E->Fun->Params[I].FK != FloatKind::None)
        V |= A;
    }
    E->Varied = V; // Also for void calls: "has active data flow".
    return V;
  }
  case Expr::Pointer: {
    if (E->Ops[1])
      varied(E->Ops[1]);
    varied(E->Ops[0]);
    Var *B = argVar(E);
    E->Varied = B->Varied && B->isFloating();
    return E->Varied;
  }
  case Expr::Call:
    for (Expr *O : E->Ops)
      V |= varied(O);
    if (E->Fn.empty() || isZeroDerivative(E->Fn))
      V = false;
    if (E->Fn == "copysign")
      V = E->Ops[0]->Varied;
    break;
  case Expr::Cond:
    varied(E->Ops[0]);
    V = varied(E->Ops[1]) | varied(E->Ops[2]);
    break;
  case Expr::Detach:
    varied(E->Ops[0]);
    break;
  }
  E->Varied = V && E->FK != FloatKind::None;
  return E->Varied;
}

/// May a derivative flow from E into V (is V read where its value, not
/// just a decision, reaches E's value)?
bool gradientReads(Expr *E, Var *V) {
  if (!E)
    return false;
  switch (E->K) {
  case Expr::VarRef:
    return E->V == V;
  case Expr::Detach:
    return false;
  case Expr::Index:
    return gradientReads(E->Ops[0], V);
  case Expr::Cond:
    return gradientReads(E->Ops[1], V) || gradientReads(E->Ops[2], V);
  case Expr::Binary: {
    static const std::set<std::string> Decisions = {
        "<", ">", "<=", ">=", "==", "!=", "&&", "||"};
    if (Decisions.count(E->Text))
      return false;
    break;
  }
  case Expr::Unary:
    if (E->Text == "!")
      return false;
    break;
  case Expr::Call:
    if (isZeroDerivative(E->Fn))
      return false;
    break;
  default:
    break;
  }
  for (Expr *O : E->Ops)
    if (gradientReads(O, V))
      return true;
  return false;
}

/// `r = g(...)` where r is a local floating scalar that only decides
/// control flow (`while (norm(v) > tol)`, `if (g(a) < 1)`): no derivative
/// can reach r, so the call carries no gradient and needs no pullback, as
/// if it ran after a no_grad guard (with no guard to point at). Not for
/// callees that write through a parameter: those writes may carry one.
void Engine::controlOnlyCalls() {
  std::vector<Stmt *> Calls;
  forEachStmt(F.Body, [&](Stmt *S) {
    Expr *C = callOf(S);
    if (!C || S->K != Stmt::Assign || S->Op != "=" || S->NoGrad ||
        S->LHS->K != Expr::VarRef)
      return;
    Var *V = S->LHS->V;
    if (V->IsParam || V == F.Ret || V->K != Var::Scalar ||
        V->FK == FloatKind::None)
      return;
    for (const CalleeParam &P : C->Fun->Params)
      if (P.Writes)
        return;
    Calls.push_back(S);
  });
  for (Stmt *S : Calls) {
    Var *V = S->LHS->V;
    bool Flows = false;
    forEachStmt(F.Body, [&](Stmt *T) {
      switch (T->K) {
      case Stmt::Assign: {
        Var *W = rootVar(T->LHS);
        if (W && !W->isFloating())
          break; // Flags and integers take no derivative.
        Flows |= gradientReads(T->RHS, V);
        if (T->LHS->K != Expr::VarRef)
          Flows |= mentions(T->LHS, V);
        break;
      }
      case Stmt::Call:
      case Stmt::VecOp:
      case Stmt::Return:
        Flows |= mentions(T->RHS, V) || mentions(T->LHS, V);
        break;
      default:
        break;
      }
    });
    if (!Flows)
      S->NoGrad = true;
  }
}

void Engine::analyseActivity() {
  for (Param &P : F.Params)
    P.V->Varied = P.Active;
  bool Changed = true;
  while (Changed) {
    Changed = false;
    forEachStmt(F.Body, [&](Stmt *S) {
      if (S->Cond)
        varied(S->Cond);
      if (Expr *C = callOf(S)) {
        if (varied(C) && !S->NoGrad)
          for (size_t I = 0; I < C->Ops.size(); ++I) {
            const CalleeParam &P = C->Fun->Params[I];
            if (!P.Writes || P.FK == FloatKind::None || P.NoGrad)
              continue;
            Var *W = argVar(C->Ops[I]);
            if (W && !W->Varied) {
              W->Varied = true;
              Changed = true;
            }
          }
      }
      if (S->K == Stmt::VecOp) {
        bool R = varied(S->RHS);
        if (S->Cond)
          R = varied(S->Cond);
        R = R && S->Op != "resize" && !S->NoGrad;
        Var *V = S->LHS->V;
        if (R && !V->Varied) {
          V->Varied = true;
          Changed = true;
        }
        return;
      }
      if (S->K != Stmt::Assign)
        return;
      varied(S->LHS);
      bool R = varied(S->RHS) && !S->NoGrad;
      Var *V = rootVar(S->LHS);
      if (R && V && V->isFloating() && !V->Varied) {
        V->Varied = true;
        Changed = true;
      }
    });
  }
}

bool Engine::checkResult() {
  if (F.CalleeVariant)
    return true;
  bool AnyActive = false;
  for (Param &P : F.Params)
    AnyActive |= P.Active;
  if (F.ReturnsVoid) {
    if (AnyActive)
      return true;
    Diags.push_back({Diag::Error, F.Where,
                     "'" + F.Name + "' has no active parameter: no gradient "
                     "can flow through it"});
    return false;
  }
  if (F.Ret->Varied)
    return true;
  Diags.push_back({Diag::Error, F.Where,
                   "the result of '" + F.Name +
                       "' does not depend on any active parameter: no "
                       "gradient can flow to it"});
  if (!AnyActive)
    Diags.push_back({Diag::Note, F.Where,
                     "'" + F.Name +
                         "' has no active parameter (a floating parameter, "
                         "or a pointer or reference to one, not marked "
                         "GRADGEN_CONST)"});
  // Point at every cut that stopped a gradient.
  std::set<Loc> Guards;
  std::vector<Diag> Notes;
  forEachStmt(F.Body, [&](Stmt *S) {
    auto Detaches = [&](Expr *E) {
      forEachExpr(E, [&](Expr *X) {
        if (X->K == Expr::Detach && X->Ops[0]->Varied)
          Notes.push_back({Diag::Note, X->Where,
                           "gradgen::detach() cuts the gradient path here"});
      });
    };
    if (S->K != Stmt::Assign)
      return;
    if (S->NoGrad && S->NoGradGuard && S->RHS->Varied &&
        Guards.insert(S->NoGradGuard).second)
      Notes.push_back({Diag::Note, S->NoGradGuard,
                       "values assigned after this gradgen::no_grad guard "
                       "carry no gradient"});
    if (!S->NoGrad)
      Detaches(S->RHS);
  });
  std::stable_sort(Notes.begin(), Notes.end(),
                   [](const Diag &A, const Diag &B) { return A.Where < B.Where; });
  Diags.insert(Diags.end(), Notes.begin(), Notes.end());
  return false;
}

/// Adds to Out the variables whose value E's derivative flows into.
void gradientSources(Expr *E, std::set<Var *> &Out) {
  if (!E->Varied)
    return;
  if (E->K == Expr::VarRef || E->K == Expr::Index || E->K == Expr::Member) {
    if (Var *V = rootVar(E))
      Out.insert(V);
    return;
  }
  if (E->K == Expr::Detach)
    return;
  if (E->K == Expr::Cond) {
    gradientSources(E->Ops[1], Out);
    gradientSources(E->Ops[2], Out);
    return;
  }
  for (Expr *O : E->Ops)
    gradientSources(O, Out);
}

/// The variables whose gradient can reach the result from the point before
/// the statements \p L, given those (\p Useful) from the point after them:
/// a backward flow analysis, so a value overwritten before it is read does
/// not count. Conservative (may say useful when it is not): an element or
/// member write, or a write through a reference, never ends usefulness.
std::set<Var *> Engine::usefulBefore(const std::vector<Stmt *> &L,
                                     std::set<Var *> Useful) {
  auto AddSources = [&](Expr *E) {
    std::set<Var *> Src;
    gradientSources(E, Src);
    Useful.insert(Src.begin(), Src.end());
  };
  // Does S overwrite the whole of scalar V (so the old value is dead)?
  auto Kills = [](Stmt *S) -> Var * {
    if (S->K != Stmt::Assign || S->LHS->K != Expr::VarRef ||
        S->LHS->V->K != Var::Scalar)
      return nullptr;
    // no_grad drops the old value's gradient even in `v += e`.
    return S->Op == "=" || S->NoGrad ? S->LHS->V : nullptr;
  };
  for (size_t I = L.size(); I-- > 0;) {
    Stmt *S = L[I];
    switch (S->K) {
    case Stmt::VecOp:
      if (!S->NoGrad && Useful.count(S->LHS->V))
        AddSources(S->Op == "push_back" ? S->RHS
                   : S->Cond            ? S->Cond
                                        : S->RHS);
      break;
    case Stmt::Assign:
    case Stmt::Call: {
      Expr *C = callOf(S);
      bool Reaches = S->K == Stmt::Assign && Useful.count(rootVar(S->LHS));
      if (C)
        for (size_t A = 0; A < C->Ops.size(); ++A)
          if (C->Fun->Params[A].Writes && Useful.count(argVar(C->Ops[A])))
            Reaches = true;
      if (Var *V = Kills(S))
        Useful.erase(V);
      if (!Reaches || S->NoGrad)
        break;
      if (!C) {
        AddSources(S->RHS);
        break;
      }
      // A call: every argument may reach every output.
      for (size_t A = 0; A < C->Ops.size(); ++A) {
        Expr *X = C->Ops[A];
        if (X->K == Expr::Pointer)
          Useful.insert(X->Ops[0]->V);
        else if (C->Fun->Params[A].K == CalleeParam::Object)
          Useful.insert(argVar(X)); // Objects carry no Varied mark.
        else
          AddSources(X);
      }
      break;
    }
    case Stmt::If: {
      std::set<Var *> Then = usefulBefore(S->Body, Useful);
      std::set<Var *> Else = usefulBefore(S->Else, Useful);
      Useful = std::move(Then);
      Useful.insert(Else.begin(), Else.end());
      break;
    }
    case Stmt::Loop: {
      // Zero or more runs of the body (a do-while runs it once more or
      // less: the union covers both).
      std::set<Var *> Entry = Useful;
      while (true) {
        std::set<Var *> Next = usefulBefore(S->Body, Entry);
        Next.insert(Useful.begin(), Useful.end());
        if (Next == Entry)
          break;
        Entry = std::move(Next);
      }
      Useful = std::move(Entry);
      break;
    }
    case Stmt::Block:
      Useful = usefulBefore(S->Body, std::move(Useful));
      break;
    default:
      break;
    }
  }
  return Useful;
}

void Engine::warnUnused() {
  if (F.CalleeVariant || F.ReturnsVoid)
    return;
  std::set<Var *> Useful = usefulBefore(F.Body, {F.Ret});
  for (size_t I = 0; I < F.Params.size(); ++I) {
    Param &P = F.Params[I];
    if (P.Active && !Useful.count(P.V))
      Diags.push_back({Diag::Warning, P.V->Where,
                       (P.V->SourceName.empty()
                            ? "parameter " + std::to_string(I + 1)
                            : "parameter '" + P.V->SourceName + "'") +
                           " does not influence the result of '" + F.Name +
                           "'; its gradient is always zero"});
  }
}

/// Where the marking functions also note what they mark: the reverse reads
/// of the statement being analysed.
std::set<Var *> *ReadSink = nullptr;

void need(Var *V) {
  V->Needed = true;
  if (ReadSink)
    ReadSink->insert(V);
}

void markAll(Expr *E) {
  forEachExpr(E, [](Expr *X) {
    if (X->K == Expr::VarRef && ReadSink)
      ReadSink->insert(X->V);
    if (X->K == Expr::VarRef)
      X->V->Needed = true;
  });
}

/// Marks the variables read by the indices of an lvalue (not the array).
void markIndices(Expr *E) {
  while (E->K == Expr::Index || E->K == Expr::Member) {
    if (E->K == Expr::Index)
      markAll(E->Ops[1]);
    E = E->Ops[0];
  }
}

/// Marks what propagating an adjoint into E reads.
void markPropagation(Expr *E) {
  if (!E->Varied)
    return;
  switch (E->K) {
  case Expr::Const:
  case Expr::VarRef:
  case Expr::Detach:
  case Expr::UserCall: // Calls are statements of their own.
  case Expr::Pointer:
    return;
  case Expr::Index:
  case Expr::Member:
    markIndices(E);
    return;
  case Expr::Method:
    return;
  case Expr::Unary:
  case Expr::Cast:
    markPropagation(E->Ops[0]);
    return;
  case Expr::Binary: {
    Expr *A = E->Ops[0], *B = E->Ops[1];
    if (E->Text == "*") {
      if (A->Varied)
        markAll(B);
      if (B->Varied)
        markAll(A);
    } else if (E->Text == "/") {
      markAll(B);
      if (B->Varied)
        markAll(A);
    }
    markPropagation(A);
    markPropagation(B);
    return;
  }
  case Expr::Call:
    for (Expr *O : E->Ops) {
      markAll(O);
      markPropagation(O);
    }
    return;
  case Expr::Cond:
    markAll(E->Ops[0]);
    markPropagation(E->Ops[1]);
    markPropagation(E->Ops[2]);
    return;
  }
}

/// Does the derivative formula of this call use the call's own value?
bool usesResult(Expr *Call) {
  const std::string &Fn = Call->Fn;
  if (Fn == "pow")
    return Call->Ops[1]->Varied;
  return Fn == "tan" || Fn == "tanh" || Fn == "exp" || Fn == "exp2" ||
         Fn == "expm1" || Fn == "sqrt" || Fn == "cbrt" || Fn == "hypot";
}

bool isOverwrite(Stmt *S) {
  Var *V = rootVar(S->LHS);
  return !(S->IsDecl && !V->DeclaredInLoop);
}

void Engine::analyseNeeded() {
  order(F.Body, false);
  forEachStmt(F.Body, [&](Stmt *S) {
    ReadSink = &RevReads[S];
    if (Expr *C = callOf(S)) {
      if (C->Varied && !S->NoGrad)
        for (size_t I = 0; I < C->Ops.size(); ++I) {
          const CalleeParam &P = C->Fun->Params[I];
          Expr *A = C->Ops[I];
          if (!P.Writes) {
            markAll(A);
            continue;
          }
          // Written memory: its indices must be right; its old contents
          // only if the callee reads them.
          if (A->K == Expr::Pointer && A->Implicit) {
            markIndices(A->Ops[0]);
          } else if (A->K == Expr::Pointer) {
            if (A->Ops[1])
              markAll(A->Ops[1]);
          } else {
            markIndices(A);
          }
          if (P.Reads)
            need(argVar(A));
        }
    }
    if (S->K == Stmt::VecOp) {
      if (S->LHS->V->Varied && !S->NoGrad)
        markPropagation(S->Op == "push_back" ? S->RHS
                        : S->Cond            ? S->Cond
                                             : S->RHS);
      return;
    }
    if (S->K != Stmt::Assign)
      return;
    Var *V = rootVar(S->LHS);
    if (!V->Varied)
      return;
    markIndices(S->LHS);
    if (S->Op == "*=" || S->Op == "/=") {
      need(V);
      markAll(S->RHS);
    }
    if (!S->NoGrad)
      markPropagation(S->RHS);
  });
  ReadSink = nullptr;
  findRecomputations();
  // Caller memory that a pullback writes again (it redoes its call's
  // writes): every other overwrite of it is recorded, so that its final
  // value is kept and written back after the reverse sweep.
  std::set<Var *> RedoneByPullback;
  // How many calls redo writes into it: with two, the earlier call's
  // pullback (which runs later) would leave its own values, not the last.
  std::map<Var *, int> PullbackWriters;
  forEachStmt(F.Body, [&](Stmt *S) {
    Expr *C = callOf(S);
    if (!C || !C->Varied || S->NoGrad)
      return;
    for (size_t I = 0; I < C->Ops.size(); ++I)
      if (Var *W = C->Fun->Params[I].Writes ? argVar(C->Ops[I]) : nullptr)
        if (W->IsParam && W->K != Var::Scalar) {
          RedoneByPullback.insert(W);
          ++PullbackWriters[W];
        }
  });
  // Restoring a value may read others: iterate to a fixed point.
  std::set<std::pair<Stmt *, size_t>> Recorded;
  bool Changed = true;
  while (Changed) {
    Changed = false;
    forEachStmt(F.Body, [&](Stmt *S) {
      ReadSink = &RevReads[S];
      Expr *C = callOf(S);
      for (size_t I = 0; C && I < C->Ops.size(); ++I) {
        const CalleeParam &P = C->Fun->Params[I];
        Expr *A = C->Ops[I];
        Var *W = P.Writes ? argVar(A) : nullptr;
        // The pullback redoes the call's writes into the caller's memory.
        // In a loop, the reverse sweep would end with the first run's
        // values, not the last: a record undoes them and the final values
        // are written back. (Other writes of that memory are recorded with
        // a write-back: see RedoneByPullback.)
        bool Clobbers = W && W->IsParam && W->K != Var::Scalar &&
                        C->Varied && !S->NoGrad &&
                        (InLoop.count(S) || PullbackWriters[W] > 1);
        if (!W || (!W->Needed && !Clobbers) ||
            !Recorded.insert({S, I}).second)
          continue;
        Changed = true;
        if (A->K == Expr::Pointer && A->Implicit)
          A = A->Ops[0]; // One object, recorded whole.
        Record R{A, W, 1, {}};
        // A local object the call fills (a struct result's destination).
        bool Fresh = A->K == Expr::VarRef && !W->IsParam &&
                     W->K == Var::Object;
        if (((A->K == Expr::Pointer &&
              !(W->K == Var::Array && W->Dims.size() == 1)) ||
             Fresh) &&
            !P.Reads && !InLoop.count(S) && !usedBefore(W, S) && !Clobbers) {
          // Nothing before the call looks at this memory, and the callee
          // only writes it: its old values are never needed.
          continue;
        }
        if (A->K == Expr::Pointer && P.ExtentArg >= 0 &&
            !(W->K == Var::Array && W->Dims.size() == 1)) {
          // The callee touches p[0] .. p[n - 1] only, n an argument.
          R.Extent = C->Ops[P.ExtentArg];
          markAll(R.Extent);
          if (A->Ops[1])
            markAll(A->Ops[1]);
          CallRecords[S].push_back(R);
          continue;
        }
        if (A->K == Expr::Pointer) {
          if (W->K != Var::Array || W->Dims.size() != 1) {
            Diags.push_back(
                {Diag::Error, C->Where,
                 "gradgen cannot differentiate this call: '" +
                     C->Fun->SourceName + "' overwrites memory of '" +
                     W->SourceName +
                     (W->Needed ? "' whose old values the gradient needs"
                      : InLoop.count(S)
                          ? "', which every run of the loop writes"
                          : "', which another call also writes") +
                     ", and the extent of that memory is unknown here (pass "
                     "a local fixed-size array)"});
            Failed = true;
            continue;
          }
          R.Count = W->Dims[0];
          if (A->Ops[1])
            markAll(A->Ops[1]);
        } else {
          markIndices(A);
        }
        CallRecords[S].push_back(R);
      }
      if (S->K == Stmt::Call)
        return;
      if (S->K != Stmt::Assign || Restores.count(S) || Recomputed.count(S))
        return;
      Var *V = rootVar(S->LHS);
      if ((!V->Needed && !RedoneByPullback.count(V)) || !isOverwrite(S))
        return;
      Changed = true;
      bool Invertible = !V->isFloating() && V->K == Var::Scalar &&
                        S->LHS->K == Expr::VarRef &&
                        (S->Op == "+=" || S->Op == "-=") &&
                        !mentions(S->RHS, V);
      if (Invertible) {
        Restores[S] = Restore::Invert;
        markAll(S->RHS);
      } else {
        Restores[S] = Restore::Record;
        markIndices(S->LHS);
      }
    });
  }
  ReadSink = nullptr;
  findLoopSaves(F.Body);
}

/// The variables a statement (and what it contains) writes.
void Engine::writes(Stmt *S, std::set<Var *> &Out) {
  forEachStmt({S}, [&](Stmt *X) {
    if ((X->K == Stmt::Assign || X->K == Stmt::VecOp) && X->LHS)
      Out.insert(rootVar(X->LHS));
    if (Expr *C = callOf(X))
      for (size_t I = 0; I < C->Ops.size(); ++I)
        if (C->Fun->Params[I].Writes)
          if (Var *W = argVar(C->Ops[I]))
            Out.insert(W);
  });
}

/// The variables the reverse sweep of a statement (and what it contains)
/// reads.
std::set<Var *> Engine::reverseReads(Stmt *S) {
  std::set<Var *> Out;
  forEachStmt({S}, [&](Stmt *X) {
    auto It = RevReads.find(X);
    if (It != RevReads.end())
      Out.insert(It->second.begin(), It->second.end());
  });
  return Out;
}

/// A loop-local temporary `v = e` that the reverse sweep reads, where e is
/// cheap and its inputs do not change before the last read: recomputed
/// once in the reverse iteration instead of recorded at each overwrite.
void Engine::findRecomputations() {
  // How often each variable is assigned, and where it is read in reverse.
  std::map<Var *, unsigned> Writes;
  forEachStmt(F.Body, [&](Stmt *S) {
    std::set<Var *> W;
    if (S->K == Stmt::Assign || S->K == Stmt::VecOp || S->K == Stmt::Call)
      writes(S, W);
    for (Var *V : W)
      ++Writes[V];
  });
  std::function<void(std::vector<Stmt *> &)> Visit = [&](std::vector<Stmt *>
                                                             &L) {
    for (Stmt *S : L) {
      Visit(S->Body);
      Visit(S->Else);
      if (S->K != Stmt::Loop)
        continue;
      std::vector<Stmt *> &B = S->Body;
      // Later temporaries first: recomputing one reads the earlier ones,
      // which must then be recomputed before it.
      for (size_t P = B.size(); P-- > 0;) {
        Stmt *A = B[P];
        if (A->K != Stmt::Assign || !A->IsDecl || A->Op != "=" ||
            A->LHS->K != Expr::VarRef || callOf(A))
          continue;
        Var *V = A->LHS->V;
        if (V->K != Var::Scalar || V->IsParam || !V->DeclaredInLoop ||
            Writes[V] != 1 || !V->Needed)
          continue;
        // Cheap: arithmetic on variables and elements, a few nodes.
        unsigned Nodes = 0;
        bool Cheap = true;
        forEachExpr(A->RHS, [&](Expr *X) {
          ++Nodes;
          if (X->K != Expr::Const && X->K != Expr::VarRef &&
              X->K != Expr::Index && X->K != Expr::Unary &&
              X->K != Expr::Binary && X->K != Expr::Cast)
            Cheap = false;
        });
        if (!Cheap || Nodes > 12)
          continue;
        std::set<Var *> Inputs;
        forEachExpr(A->RHS, [&](Expr *X) {
          if (X->K == Expr::VarRef)
            Inputs.insert(X->V);
        });
        if (Inputs.count(V))
          continue;
        // Where is V read in reverse? Only in later statements of this body.
        size_t Last = P;
        bool Ok = true;
        size_t Reads = 0;
        for (size_t Q = 0; Q < B.size(); ++Q) {
          if (Q == P)
            continue;
          if (!reverseReads(B[Q]).count(V))
            continue;
          ++Reads;
          if (Q < P)
            Ok = false;
          Last = std::max(Last, Q);
        }
        // Reads outside this body (after the loop, or in another loop).
        size_t Total = 0;
        forEachStmt(F.Body, [&](Stmt *X) {
          auto It = RevReads.find(X);
          if (It != RevReads.end() && It->second.count(V))
            ++Total;
        });
        size_t Inside = 0;
        for (Stmt *X : B)
          forEachStmt({X}, [&](Stmt *Y) {
            auto It = RevReads.find(Y);
            if (It != RevReads.end() && It->second.count(V))
              ++Inside;
          });
        if (!Ok || Reads == 0 || Inside != Total)
          continue;
        // The inputs must not change between the assignment and the last
        // read.
        for (size_t Q = P + 1; Q <= Last && Ok; ++Q) {
          std::set<Var *> W;
          writes(B[Q], W);
          for (Var *X : Inputs)
            if (W.count(X))
              Ok = false;
        }
        if (!Ok)
          continue;
        Recomputed.insert(A);
        // In program order: earlier temporaries first.
        std::vector<Stmt *> &Before = RecomputeBefore[B[Last]];
        Before.insert(Before.begin(), A);
        ReadSink = &RevReads[B[Last]];
        markAll(A->RHS);
        ReadSink = nullptr;
      }
    }
  };
  Visit(F.Body);
}

/// A scalar overwritten inside a loop whose reverse sweep never reads it
/// is kept once around the whole loop instead of at every overwrite.
void Engine::findLoopSaves(std::vector<Stmt *> &L) {
  for (Stmt *S : L) {
    if (S->K != Stmt::Loop) {
      findLoopSaves(S->Body);
      findLoopSaves(S->Else);
      continue;
    }
    std::set<Var *> Read = reverseReads(S);
    std::set<Var *> Saved;
    forEachStmt(S->Body, [&](Stmt *X) {
      auto It = Restores.find(X);
      if (It == Restores.end() || It->second != Restore::Record ||
          X->LHS->K != Expr::VarRef)
        return;
      Var *V = X->LHS->V;
      if (V->K != Var::Scalar || Read.count(V))
        return;
      Restores.erase(It);
      Saved.insert(V);
    });
    for (Var *V : Saved)
      LoopSaves[S].push_back(V);
    findLoopSaves(S->Body);
  }
}

//===--- Calls become statements of their own -----------------------------===//

Expr *Engine::hoist(Expr *E, std::vector<Stmt *> &Before, bool Root,
                    int Depth, Stmt *Owner) {
  if (!E)
    return E;
  if (E->K == Expr::Cond && containsUserCall(E) && !Root) {
    // c ? g(a) : b inside an expression: the condition always runs; the
    // branches become an if/else assigning a temporary.
    E->Ops[0] = hoist(E->Ops[0], Before, false, Depth, Owner);
    if (containsUserCall(E->Ops[0]))
      return E; // A call the condition could not lose: refused above.
    Expr *R = nullptr;
    Stmt *A = hoistedTemp(E, "_select", Depth, Owner, R);
    std::vector<Stmt *> Split = {A};
    hoistCalls(Split, Depth);
    Before.insert(Before.end(), Split.begin(), Split.end());
    return R;
  }
  bool Logic = E->K == Expr::Binary && (E->Text == "&&" || E->Text == "||");
  if (Logic && containsUserCall(E)) {
    // a && g(b): the right side runs only when it decides. A flag takes the
    // left side; an if assigns it the right side, with its calls hoisted
    // inside: `bool _and = a; if (_and) { _g = g(b); _and = _g; }`.
    bool And = E->Text == "&&";
    E->Ops[0] = hoist(E->Ops[0], Before, false, Depth, Owner);
    Expr *Flag = nullptr;
    Stmt *First = hoistedTemp(E->Ops[0], And ? "_and" : "_or", Depth, Owner,
                              Flag);
    First->LHS->V->Type = First->LHS->Type = Flag->Type = "bool";
    First->LHS->V->FK = First->LHS->FK = Flag->FK = FloatKind::None;
    Before.push_back(First);
    Stmt *Second = F.newStmt(Stmt::Assign);
    *Second = *First;
    Second->LHS = F.newExpr(Expr::VarRef);
    *Second->LHS = *First->LHS;
    Second->IsDecl = false;
    Second->RHS = E->Ops[1];
    Second->Where = E->Ops[1]->Where;
    Stmt *If = F.newStmt(Stmt::If);
    If->Where = E->Where;
    if (And) {
      If->Cond = Flag;
    } else {
      If->Cond = F.newExpr(Expr::Unary);
      If->Cond->Text = "!";
      If->Cond->Type = "bool";
      If->Cond->Ops = {Flag};
    }
    If->Body = {Second};
    hoistCalls(If->Body, Depth);
    Before.push_back(If);
    Expr *R = F.newExpr(Expr::VarRef);
    *R = *Flag;
    return R;
  }
  if (E->K == Expr::Cond && containsUserCall(E)) {
    Diags.push_back({Diag::Error, E->Where,
                     "calls inside ?:, && or || are not supported: compute "
                     "them in a statement before"});
    Failed = true;
    return E;
  }
  for (Expr *&O : E->Ops)
    O = hoist(O, Before, false, Depth, Owner);
  if (E->K == Expr::UserCall && E->Fun->ResultOut &&
      E->Ops.size() < E->Fun->Params.size()) {
    // A struct result with nowhere to go (f(a).x, g(f(a)), f(a); as a
    // statement): a temporary object takes it.
    Var *T = F.newVar();
    *T = E->Fun->ResultShape;
    T->Name = T->SourceName = fresh("_" + E->Fun->Ident);
    T->IsInternal = true;
    T->DeclaredInLoop = Depth > 0;
    Stmt *D = F.newStmt(Stmt::Decl);
    D->V = T;
    D->Where = E->Where;
    auto Ref = [&] { return varRef(T, E->Where); };
    E->Ops.push_back(Ref());
    Stmt *C = F.newStmt(Stmt::Call);
    C->RHS = E;
    C->Where = E->Where;
    C->NoGrad = Owner->NoGrad;
    C->NoGradGuard = Owner->NoGradGuard;
    Before.push_back(D);
    Before.push_back(C);
    return Root ? nullptr : Ref();
  }
  if (E->K != Expr::UserCall || Root)
    return E;
  Expr *R = nullptr;
  Before.push_back(hoistedTemp(E, "_" + E->Fun->Ident, Depth, Owner, R));
  return R;
}

/// A reference to V (its type and kind) at Where.
Expr *Engine::varRef(Var *V, Loc Where) {
  Expr *X = F.newExpr(Expr::VarRef);
  X->V = V;
  X->Type = V->Type;
  X->FK = V->FK;
  X->Where = Where;
  return X;
}

/// `T name = E;` for a new internal temporary (declared in a loop if Depth
/// > 0, no_grad as Owner is); R receives a reference to it.
Stmt *Engine::hoistedTemp(Expr *E, const std::string &Base, int Depth,
                          Stmt *Owner, Expr *&R) {
  Var *T = F.newVar();
  T->Name = fresh(Base);
  T->SourceName = T->Name;
  T->Type = E->Type;
  T->FK = E->FK;
  T->IsInternal = true;
  T->DeclaredInLoop = Depth > 0;
  auto Ref = [&] { return varRef(T, 0); };
  Stmt *A = F.newStmt(Stmt::Assign);
  A->LHS = Ref();
  A->Op = "=";
  A->RHS = E;
  A->IsDecl = true;
  A->Where = E->Where;
  A->NoGrad = Owner->NoGrad;
  A->NoGradGuard = Owner->NoGradGuard;
  R = Ref();
  return A;
}

void Engine::hoistCalls(std::vector<Stmt *> &L, int Depth) {
  std::vector<Stmt *> Out;
  for (Stmt *S : L) {
    std::vector<Stmt *> Before;
    if (S->K == Stmt::Assign && S->RHS->K == Expr::Cond &&
        containsUserCall(S->RHS) && !containsUserCall(S->RHS->Ops[0])) {
      // x = c ? g(a) : b  becomes  if (c) x = g(a); else x = b;
      Stmt *If = F.newStmt(Stmt::If);
      If->Where = S->Where;
      If->Cond = S->RHS->Ops[0];
      for (int Side = 1; Side <= 2; ++Side) {
        Expr *R = S->RHS->Ops[Side];
        // x = c ? x : g(a): nothing to do on the side that keeps x (and
        // `x = x;` would warn).
        if (S->Op == "=" && S->LHS->K == Expr::VarRef &&
            R->K == Expr::VarRef && R->V == S->LHS->V)
          continue;
        Stmt *A = F.newStmt(Stmt::Assign);
        *A = *S;
        A->RHS = R;
        (Side == 1 ? If->Body : If->Else).push_back(A);
      }
      S = If;
    }
    switch (S->K) {
    case Stmt::Assign: {
      bool RootOk = S->RHS->K == Expr::UserCall && S->LHS->FK == S->RHS->FK &&
                    S->Op == "=";
      S->RHS = hoist(S->RHS, Before, RootOk, Depth, S);
      break;
    }
    case Stmt::Call:
      S->RHS = hoist(S->RHS, Before, true, Depth, S);
      if (!S->RHS) {
        // A struct result dropped: the call went to a temporary.
        Out.insert(Out.end(), Before.begin(), Before.end());
        continue;
      }
      break;
    case Stmt::If:
      S->Cond = hoist(S->Cond, Before, false, Depth, S);
      hoistCalls(S->Body, Depth);
      hoistCalls(S->Else, Depth);
      break;
    case Stmt::Loop:
      // Calls in the condition were moved into the body (JumpLowering).
      assert(!containsUserCall(S->Cond) && "a call left in a loop condition");
      hoistCalls(S->Body, Depth + 1);
      break;
    case Stmt::Block:
      hoistCalls(S->Body, Depth);
      break;
    default:
      break;
    }
    Out.insert(Out.end(), Before.begin(), Before.end());
    Out.push_back(S);
  }
  L = std::move(Out);
}

//===--- Stage 3: planning ------------------------------------------------===//

std::string Engine::tapeFor(const std::string &Type) {
  auto It = Tapes.find(Type);
  if (It != Tapes.end())
    return It->second;
  // std::size_t -> _tape_std_size_t (no double underscore: reserved).
  std::string Suffix;
  for (char C : Type) {
    bool Alnum = std::isalnum(static_cast<unsigned char>(C)) || C == '_';
    if (Alnum)
      Suffix += C;
    else if (!Suffix.empty() && Suffix.back() != '_')
      Suffix += '_';
  }
  while (!Suffix.empty() && Suffix.back() == '_')
    Suffix.pop_back();
  std::string Name = fresh("_tape_" + Suffix);
  Tapes[Type] = Name;
  return Name;
}

/// A loop that kept some values around it (LoopSaves) needs them restored
/// in the reverse sweep of what contains it, even when the loop itself has
/// no reverse work.
bool Engine::hasRevWorkAround(Stmt *S) {
  if (hasRevWork(S))
    return true;
  auto LS = LoopSaves.find(S);
  return S->K == Stmt::Loop && LS != LoopSaves.end() && !LS->second.empty();
}

bool Engine::hasRevWork(Stmt *S) {
  auto It = RevWork.find(S);
  if (It != RevWork.end())
    return It->second;
  bool W = false;
  switch (S->K) {
  case Stmt::Assign:
  case Stmt::Call:
    if (S->K == Stmt::Assign)
      W = rootVar(S->LHS)->Varied || Restores.count(S);
    if (Expr *C = callOf(S))
      W |= (C->Varied && !S->NoGrad) || CallRecords.count(S);
    break;
  case Stmt::VecOp:
    W = S->LHS->V->Varied || S->LHS->V->Needed;
    break;
  case Stmt::Block:
  case Stmt::If:
  case Stmt::Loop: {
    for (Stmt *C : S->Body)
      W |= hasRevWorkAround(C);
    for (Stmt *C : S->Else)
      W |= hasRevWorkAround(C);
    break;
  }
  default:
    break;
  }
  RevWork[S] = W;
  return W;
}

/// The reverse sweep restores caller memory (a parameter's) of this type:
/// its final values are kept and written back at the end.
void Engine::useOutputTape(const std::string &Type, Loc Where) {
  static const std::string Cell = "gradgen::detail::cell<";
  std::string CellType = Cell + Type + ">";
  if (OutputTape.empty()) {
    OutputTapeType = CellType;
    OutputTape = fresh("_outputs");
    return;
  }
  if (OutputTapeType == CellType)
    return;
  Diags.push_back({Diag::Error, Where,
                   "writing the caller's memory of two different types (" +
                       Type + " and " +
                       OutputTapeType.substr(Cell.size(),
                                             OutputTapeType.size() -
                                                 Cell.size() - 1) +
                       ") is not supported yet"});
  Failed = true;
}

void Engine::planCall(Stmt *S, Expr *C, bool Loop) {
  for (Record &R : CallRecords[S]) {
    const std::string &Type =
        R.Arg->K == Expr::Pointer ? R.Base->Type : R.Arg->Type;
    if (R.Base->IsParam && R.Base->K != Var::Scalar)
      useOutputTape(Type.compare(0, 12, "std::vector<") == 0
                        ? std::string(spell(R.Base->FK))
                        : Type,
                    C->Where);
    if (Type.compare(0, 12, "std::vector<") == 0) {
      R.Stack = true;
      R.Where = {true, fresh(prefixed("_saved_", R.Base))};
      Hoisted.push_back("std::vector<" + Type + "> " + R.Where.Name + ";");
      continue;
    }
    if (R.Extent) {
      R.Where = {true, fresh(prefixed("_saved_", R.Base))};
      Hoisted.push_back("std::vector<std::vector<" + Type + ">> " +
                        R.Where.Name + ";");
      continue;
    }
    if (Loop) {
      R.Where = {true, tapeFor(Type)};
    } else {
      R.Where = {false, fresh(prefixed("_saved_", R.Base))};
      Hoisted.push_back(Type + " " + R.Where.Name +
                        (R.Count > 1 || R.Arg->K == Expr::Pointer
                             ? "[" + std::to_string(R.Count) + "]"
                             : "") +
                        "{};");
    }
  }
  if (S->NoGrad && C->Varied)
    for (size_t I = 0; I < C->Ops.size(); ++I)
      if (C->Fun->Params[I].Writes && C->Fun->Params[I].FK != FloatKind::None &&
          argVar(C->Ops[I]) && argVar(C->Ops[I])->Varied) {
        Diags.push_back({Diag::Error, C->Where,
                         "a call that writes through a pointer or reference "
                         "after a gradgen::no_grad guard is not supported"});
        Failed = true;
      }
  if (!C->Varied || S->NoGrad)
    return;
  CallPlan CP;
  Callee &Fn = *C->Fun;
  for (size_t I = 0; I < C->Ops.size(); ++I) {
    const CalleeParam &P = Fn.Params[I];
    Expr *A = C->Ops[I];
    bool Active = P.FK != FloatKind::None && !P.NoGrad &&
                  ((P.K == CalleeParam::Value || P.K == CalleeParam::ConstRef)
                       ? A->Varied
                       : argVar(A) && argVar(A)->Varied &&
                             argVar(A)->isFloating());
    if (P.NoGrad && P.Writes && argVar(A)->Varied) {
      Diags.push_back({Diag::Error, A->Where,
                       "'" + Fn.SourceName +
                           "' writes through a GRADGEN_CONST parameter into "
                           "memory that carries a gradient"});
      Failed = true;
    }
    CP.Mask.push_back(Active);
  }
  CP.Dummy.assign(CP.Mask.size(), false);
  if (Fn.Custom) {
    // A user's pullback takes adjoints for all its active parameters.
    for (size_t I = 0; I < CP.Mask.size(); ++I) {
      if (!Fn.CustomMask[I] || CP.Mask[I])
        continue;
      if (Fn.Params[I].K == CalleeParam::Pointer) {
        Diags.push_back({Diag::Error, C->Ops[I]->Where,
                         "'" + Fn.CustomPullback +
                             "' needs adjoint storage for this argument, "
                             "which carries no gradient"});
        Failed = true;
      }
      CP.Dummy[I] = true;
    }
  }
  std::vector<bool> Ask = CP.Mask;
  CP.Name = Request(F, Fn, Ask, C->Where, Diags);
  if (CP.Name.empty())
    Failed = true;
  if (Fn.Custom)
    for (size_t I = 0; I < CP.Mask.size(); ++I)
      CP.Mask[I] = CP.Mask[I] || CP.Dummy[I];
  CallPlans[S] = CP;
}

void Engine::plan(std::vector<Stmt *> &L, bool Loop) {
  for (Stmt *S : L) {
    InLoop[S] = Loop;
    if (Expr *C = callOf(S))
      planCall(S, C, Loop);
    switch (S->K) {
    case Stmt::VecOp: {
      Var *V = S->LHS->V;
      if (S->Op == "push_back" || !hasRevWork(S))
        break;
      // The old size (for the adjoint), and the old contents if read back.
      if (V->Varied) {
        if (Loop)
          Slots[S] = {true, tapeFor("std::size_t")};
        else {
          Slots[S] = {false, fresh(prefixed("_size_", V))};
          Hoisted.push_back("std::size_t " + Slots[S].Name + " = 0;");
        }
      }
      if (V->Needed) {
        std::string Stack = fresh(prefixed("_saved_", V));
        Hoisted.push_back("std::vector<" + V->Type + "> " + Stack + ";");
        VecStacks[S] = Stack;
      }
      break;
    }
    case Stmt::Assign:
      if (Restores.count(S) && Restores[S] == Restore::Record) {
        Var *V = rootVar(S->LHS);
        std::string Type = S->LHS->Type;
        if (Loop)
          Slots[S] = {true, tapeFor(Type)};
        else {
          Slots[S] = {false, fresh(prefixed("_saved_", V))};
          Hoisted.push_back(Type + " " + Slots[S].Name + "{};");
        }
        if (V->IsParam && V->K != Var::Scalar)
          useOutputTape(Type, S->Where);
      }
      break;
    case Stmt::If:
      if (hasRevWork(S)) {
        if (Loop)
          Slots[S] = {true, tapeFor("bool")};
        else {
          Slots[S] = {false, fresh("_branch")};
          Hoisted.push_back("bool " + Slots[S].Name + " = false;");
        }
      }
      plan(S->Body, Loop);
      plan(S->Else, Loop);
      break;
    case Stmt::Loop:
      for (Var *V : LoopSaves[S]) {
        Slot Sl = {Loop, Loop ? tapeFor(V->Type) : fresh(prefixed("_saved_", V))};
        if (!Loop)
          Hoisted.push_back(V->Type + " " + Sl.Name + "{};");
        LoopSaveSlots[{S, V}] = Sl;
      }
      if (hasRevWork(S)) {
        Slots[S] = {Loop, Loop ? tapeFor("std::size_t") : fresh("_iters")};
        if (!Loop)
          Hoisted.push_back("std::size_t " + Slots[S].Name + " = 0;");
      }
      plan(S->Body, true);
      break;
    case Stmt::Block:
      plan(S->Body, Loop);
      break;
    default:
      break;
    }
  }
}

void Engine::countPushes(const std::vector<Stmt *> &L, bool Nested,
                         std::map<std::string, uint64_t> &Direct,
                         std::set<std::string> &InNested) {
  auto Add = [&](const Slot &Sl, uint64_t N) {
    if (!Sl.OnTape)
      return;
    if (Nested)
      InNested.insert(Sl.Name);
    else
      Direct[Sl.Name] += N;
  };
  for (Stmt *S : L) {
    auto CR = CallRecords.find(S);
    if (CR != CallRecords.end())
      for (const Record &R : CR->second)
        if (!R.Stack && !R.Extent)
          Add(R.Where, R.Arg->K == Expr::Pointer ? R.Count : 1);
    auto It = Slots.find(S);
    switch (S->K) {
    case Stmt::Assign:
    case Stmt::VecOp:
    case Stmt::If: // One decision per run, whichever branch.
      if (It != Slots.end())
        Add(It->second, 1);
      break;
    case Stmt::Loop:
      // Kept before the loop and its count after it: pushed here.
      for (Var *V : LoopSaves[S])
        Add(LoopSaveSlots[{S, V}], 1);
      if (It != Slots.end())
        Add(It->second, 1);
      countPushes(S->Body, true, Direct, InNested);
      continue;
    default:
      break;
    }
    // One branch runs: the larger of the two counts.
    std::map<std::string, uint64_t> Then, Else;
    countPushes(S->Body, Nested, Then, InNested);
    countPushes(S->Else, Nested, Else, InNested);
    std::set<std::string> Names;
    for (const auto &Entry : Then)
      Names.insert(Entry.first);
    for (const auto &Entry : Else)
      Names.insert(Entry.first);
    for (const std::string &T : Names)
      Direct[T] += std::max(Then[T], Else[T]);
  }
}

/// The number of iterations of a loop as it starts, as C++ text, or "" if
/// it is not known then. Known for `while (i REL b)` (the lowered form of
/// `for (...; i REL b; i += c)`) when the body has no break or return (the
/// lowering puts their flags into the condition), changes the integer i
/// only by one `i += c` or `i -= c` (a positive literal c, in the direction
/// of b) that runs once per iteration, and changes nothing b reads.
std::string Engine::tripCount(Stmt *S) {
  Expr *C = S->Cond;
  if (!S->TestFirst || !C || C->K != Expr::Binary)
    return "";
  bool Up;
  if (C->Text == "<" || C->Text == "<=")
    Up = true;
  else if (C->Text == ">" || C->Text == ">=")
    Up = false;
  else
    return "";
  bool Inclusive = C->Text.size() == 2;
  auto Strip = [](Expr *E) {
    while (E->K == Expr::Cast && E->Implicit)
      E = E->Ops[0];
    return E;
  };
  auto IndexVar = [&](Expr *E) -> Var * {
    E = Strip(E);
    if (E->K != Expr::VarRef || E->V->K != Var::Scalar ||
        E->V->FK != FloatKind::None)
      return nullptr;
    // At least as wide as int: a narrower index would wrap (an endless
    // loop) before a wide bound.
    static const std::set<std::string> Wide = {
        "int", "long", "long long", "unsigned int", "unsigned long",
        "unsigned long long", "std::size_t", "size_t", "std::ptrdiff_t",
        "ptrdiff_t", "unsigned", "std::int64_t", "int64_t", "std::uint64_t",
        "uint64_t", "std::int32_t", "int32_t", "std::uint32_t", "uint32_t"};
    return Wide.count(E->V->Type) ? E->V : nullptr;
  };
  // i < b, or b > i (which is i < b).
  std::string Trip = tripCount(S, IndexVar(C->Ops[0]), C->Ops[1], Up,
                               Inclusive);
  if (Trip.empty())
    Trip = tripCount(S, IndexVar(C->Ops[1]), C->Ops[0], !Up, Inclusive);
  return Trip;
}

/// tripCount() for `while (I < Bound)` (Up), `while (I > Bound)` (!Up), or
/// with <= and >= (Inclusive).
std::string Engine::tripCount(Stmt *S, Var *I, Expr *Bound, bool Up,
                              bool Inclusive) {
  if (!I)
    return "";
  auto Strip = [](Expr *E) {
    while (E->K == Expr::Cast && E->Implicit)
      E = E->Ops[0];
    return E;
  };
  // What the bound reads: integer scalars and sizes of vectors.
  std::set<Var *> BoundVars;
  bool Sizes = false, Simple = true;
  forEachExpr(Bound, [&](Expr *X) {
    // Integers only: `i < 10.5` runs 11 times, not ceil(10.5 - 0). (A
    // vector has its element kind: only its size() is allowed, below.)
    if (X->FK != FloatKind::None &&
        !(X->K == Expr::VarRef && X->V->isArrayLike()))
      Simple = false;
    switch (X->K) {
    case Expr::Const:
    case Expr::Cast:
      break;
    case Expr::Unary:
      Simple &= X->Text == "-" || X->Text == "+";
      break;
    case Expr::Binary:
      Simple &= X->Text == "+" || X->Text == "-" || X->Text == "*" ||
                X->Text == "/" || X->Text == "%";
      break;
    case Expr::VarRef:
      BoundVars.insert(X->V);
      Simple &= X->V->K == Var::Scalar ? X->V->FK == FloatKind::None
                                       : X->V->isArrayLike();
      break;
    case Expr::Method:
      Simple &= X->Text == ".size" && X->Ops.size() == 1 &&
                X->Ops[0]->K == Expr::VarRef;
      Sizes = true;
      break;
    default:
      Simple = false;
    }
  });
  if (!Simple || BoundVars.count(I))
    return "";
  // A VarRef of an array-like variable is only allowed under size().
  bool Bare = false;
  std::function<void(Expr *, bool)> Check = [&](Expr *X, bool UnderSize) {
    if (X->K == Expr::VarRef && X->V->K != Var::Scalar && !UnderSize)
      Bare = true;
    for (Expr *O : X->Ops)
      Check(O, X->K == Expr::Method);
  };
  Check(Bound, false);
  if (Bare)
    return "";
  Stmt *Step = nullptr;
  uint64_t By = 0;
  for (Stmt *X : S->Body) {
    if (X->K == Stmt::Assign && X->LHS->K == Expr::VarRef && X->LHS->V == I &&
        (X->Op == "+=" || X->Op == "-=") && !Step) {
      Expr *R = Strip(X->RHS);
      const std::string &T = R->Text;
      size_t Digits = 0;
      while (Digits < T.size() && std::isdigit(static_cast<unsigned char>(
                                      T[Digits])))
        ++Digits;
      bool Suffix = T.find_first_not_of("uUlL", Digits) == std::string::npos;
      if (R->K == Expr::Const && Digits > 0 && Digits <= 9 && Suffix &&
          T[0] != '0') {
        Step = X;
        By = std::stoull(T.substr(0, Digits));
        continue;
      }
    }
    std::set<Var *> W;
    writes(X, W);
    if (W.count(I))
      return "";
    for (Var *V : BoundVars)
      if (W.count(V))
        return "";
    // A vector's size changes with push_back, resize, assign, or the
    // assignment of a whole vector.
    if (Sizes) {
      bool Resizes = false;
      forEachStmt({X}, [&](Stmt *Y) {
        Resizes |= Y->K == Stmt::VecOp ||
                   (Y->K == Stmt::Assign && Y->LHS->K == Expr::VarRef &&
                    Y->LHS->V->OK == Var::Vector);
      });
      if (Resizes)
        return "";
    }
  }
  if (!Step || (Step->Op == "+=") != Up)
    return "";
  return std::string("gradgen::detail::trips_") + (Up ? "up" : "down") + "(" +
         I->Name + ", " + print(Bound).S + ", " + std::to_string(By) + ", " +
         (Inclusive ? "true" : "false") + ")";
}

void Engine::planReserves(const std::vector<Stmt *> &L) {
  for (Stmt *S : L) {
    planReserves(S->Body);
    planReserves(S->Else);
    if (S->K != Stmt::Loop)
      continue;
    std::map<std::string, uint64_t> Direct;
    std::set<std::string> InNested;
    countPushes(S->Body, false, Direct, InNested);
    for (auto It = Direct.begin(); It != Direct.end();)
      It = InNested.count(It->first) ? Direct.erase(It) : std::next(It);
    if (Direct.empty())
      continue;
    std::string Trip = tripCount(S);
    if (Trip.empty())
      continue;
    Trips[S] = Trip;
    Reserved[S] = std::move(Direct);
  }
}

//===--- Stage 4: emission ------------------------------------------------===//

/// Does Text use the identifier Name?
bool mentionsIdent(const std::string &Text, const std::string &Name) {
  auto IsId = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
  };
  for (size_t P = Text.find(Name); P != std::string::npos;
       P = Text.find(Name, P + 1)) {
    bool Before = P == 0 || !IsId(Text[P - 1]);
    bool After = P + Name.size() >= Text.size() || !IsId(Text[P + Name.size()]);
    if (Before && After)
      return true;
  }
  return false;
}

Txt Engine::print(Expr *E) {
  switch (E->K) {
  case Expr::Const:
    return atom(E->Text);
  case Expr::VarRef:
    return atom(E->V->Name);
  case Expr::Index:
    return {paren(print(E->Ops[0]), 2) + "[" + print(E->Ops[1]).S + "]", 2};
  case Expr::Unary: {
    Txt A = print(E->Ops[0]);
    bool Wrap = A.Prec > 0 || (!A.S.empty() && (A.S[0] == '-' || A.S[0] == '+'));
    return {E->Text + (Wrap ? "(" + A.S + ")" : A.S), 3};
  }
  case Expr::Binary:
    return bin(print(E->Ops[0]), E->Text, print(E->Ops[1]));
  case Expr::Call: {
    std::string S = E->Text + "(";
    for (size_t I = 0; I < E->Ops.size(); ++I) {
      if (I)
        S += ", ";
      Expr *A = E->Ops[I];
      // Arguments keep their conversions: overloads must resolve as in the
      // source.
      if (A->K == Expr::Cast && A->Implicit)
        S += "static_cast<" + A->Type + ">(" + print(A->Ops[0]).S + ")";
      else
        S += print(A).S;
    }
    return atom(S + ")");
  }
  case Expr::Cast:
    if (E->Implicit)
      return print(E->Ops[0]);
    return atom("static_cast<" + E->Type + ">(" + print(E->Ops[0]).S + ")");
  case Expr::Cond:
    return {paren(print(E->Ops[0]), 15) + " ? " + paren(print(E->Ops[1]), 15) +
                " : " + paren(print(E->Ops[2]), 16),
            16};
  case Expr::Detach:
    return atom("gradgen::detach(" + print(E->Ops[0]).S + ")");
  case Expr::UserCall: {
    // A struct result's destination is the last argument: dest = f(...).
    size_t N = E->Fun->ResultOut ? E->Ops.size() - 1 : E->Ops.size();
    if (!E->Fun->Operator.empty() && (N == 1 || N == 2)) {
      // An overloaded operator, as written: a + b, -a.
      Txt T = N == 2 ? bin(print(E->Ops[0]), E->Fun->Operator,
                           print(E->Ops[1]))
                     : Txt{E->Fun->Operator + paren(print(E->Ops[0]), 2), 3};
      if (!E->Fun->ResultOut)
        return T;
      return {print(E->Ops.back()).S + " = " + T.S, 16};
    }
    // A member function: obj.m(args).
    size_t First = E->Fun->IsMethod ? 1 : 0;
    std::string S = E->Fun->IsMethod ? paren(print(E->Ops[0]), 2) + "." +
                                           E->Fun->Method + "("
                                     : E->Text + "(";
    for (size_t I = First; I < N; ++I)
      S += (I > First ? ", " : "") + argText(E->Ops[I], E->Fun->Params[I]);
    if (!E->Fun->ResultOut)
      return atom(S + ")");
    return {print(E->Ops.back()).S + " = " + S + ")", 16};
  }
  case Expr::Pointer:
    if (E->Implicit)
      return {"&" + paren(print(E->Ops[0]), 2), 3};
    if (!E->Ops[1])
      return print(E->Ops[0]);
    return bin(print(E->Ops[0]), "+", print(E->Ops[1]));
  case Expr::Member:
    return {paren(print(E->Ops[0]), 2) + E->Text, 2};
  case Expr::Method: {
    std::string S = paren(print(E->Ops[0]), 2) + E->Text + "(";
    for (size_t I = 1; I < E->Ops.size(); ++I)
      S += (I > 1 ? ", " : "") + print(E->Ops[I]).S;
    return {S + ")", 2};
  }
  }
  return atom("");
}

/// The adjoint of an lvalue: _d_y, d_x[i], (*d_r), _d_u[i][j].
Txt Engine::adjointOf(Expr *E) {
  if (E->K == Expr::Index)
    return {paren(adjointOf(E->Ops[0]), 2) + "[" + print(E->Ops[1]).S + "]", 2};
  if (E->K == Expr::Member) {
    Txt B = adjointOf(E->Ops[0]);
    // (*d_p).x reads better as d_p->x.
    if (B.S.size() > 3 && B.S.compare(0, 2, "(*") == 0 && B.S.back() == ')' &&
        E->Text[0] == '.')
      return {B.S.substr(2, B.S.size() - 3) + "->" + E->Text.substr(1), 2};
    return {paren(B, 2) + E->Text, 2};
  }
  Var *V = E->V;
  bool Local = V->AdjointParam.empty(); // An inactive parameter's own.
  if (V->K == Var::RefParam && !Local)
    return {"*" + V->Adjoint, 3};
  if (V->IsParam && V->K == Var::ObjectRef && !Local)
    return atom("(*" + V->Adjoint + ")");
  return atom(V->Adjoint);
}

void Engine::Prop::run(Expr *E, Txt G) {
  if (!E->Varied)
    return;
  switch (E->K) {
  case Expr::Const:
  case Expr::Detach:
  case Expr::UserCall: // Hoisted into statements of their own.
  case Expr::Pointer:
    return;
  case Expr::VarRef:
  case Expr::Index:
  case Expr::Member:
  {
    std::string A = En.adjointOf(E).S;
    if (A == Pending) {
      line(A + " = " + G.S + ";");
      Pending.clear();
    } else {
      line(A + " += " + G.S + ";");
    }
  }
    return;
  case Expr::Method:
    return;
  case Expr::Cast:
    run(E->Ops[0], G);
    return;
  case Expr::Unary:
    if (E->Text == "-")
      run(E->Ops[0], neg(G));
    else
      run(E->Ops[0], G);
    return;
  case Expr::Binary: {
    Expr *A = E->Ops[0], *B = E->Ops[1];
    unsigned Uses = A->Varied + B->Varied;
    G = share(G, Uses, E->Type);
    if (E->Text == "+") {
      run(A, G);
      run(B, G);
    } else if (E->Text == "-") {
      run(A, G);
      run(B, neg(G));
    } else if (E->Text == "*") {
      if (A->Varied)
        run(A, bin(G, "*", val(B)));
      if (B->Varied)
        run(B, bin(val(A), "*", G));
    } else if (E->Text == "/") {
      Txt Den = val(B);
      if (A->Varied)
        run(A, bin(G, "/", Den));
      if (B->Varied)
        run(B, neg(bin(bin(G, "*", val(E)), "/", Den)));
    }
    return;
  }
  case Expr::Cond: {
    G = share(G, 2, E->Type);
    flush();
    line("if (" + En.print(E->Ops[0]).S + ") {");
    auto Saved = Memo;
    ++Ind;
    run(E->Ops[1], G);
    --Ind;
    Memo = Saved;
    line("} else {");
    ++Ind;
    run(E->Ops[2], G);
    --Ind;
    Memo = Saved;
    line("}");
    return;
  }
  case Expr::Call:
    call(E, G);
    return;
  }
}

void Engine::Prop::call(Expr *E, const Txt &G0) {
  const std::string &Fn = E->Fn;
  FloatKind K = E->FK;
  auto L = [&](const char *Digits) { return atom(literal(K, Digits)); };
  auto Std = [&](const char *Name, const Txt &A) {
    return atom(std::string("std::") + Name + "(" + A.S + ")");
  };
  unsigned Uses = 0;
  for (Expr *O : E->Ops)
    Uses += O->Varied;
  Txt G = share(G0, Uses, E->Type);
  Expr *A = E->Ops[0];
  Expr *B = E->Ops.size() > 1 ? E->Ops[1] : nullptr;
  // Argument values in the call's own type (an int exponent, a float
  // argument of a double overload).
  auto ArgVal = [&](Expr *X) {
    Txt T = val(X);
    if (X->FK == K)
      return T;
    return atom("static_cast<" + E->Type + ">(" + T.S + ")");
  };
  // The partial is built only for an argument that needs it: building it
  // may declare temporaries.
  auto Into = [&](Expr *X, const std::function<Txt()> &Partial) {
    if (X && X->Varied)
      run(X, bin(G, "*", Partial()));
  };
  auto Sq = [&](const Txt &X) { return bin(X, "*", X); };
  if (Fn == "sin")
    Into(A, [&] { return Std("cos", ArgVal(A)); });
  else if (Fn == "cos")
    Into(A, [&] { return neg(Std("sin", ArgVal(A))); });
  else if (Fn == "tan")
    Into(A, [&] { return bin(L("1"), "+", Sq(val(E))); });
  else if (Fn == "asin")
    Into(A, [&] { return bin(L("1"), "/", Std("sqrt", bin(L("1"), "-", Sq(ArgVal(A))))); });
  else if (Fn == "acos")
    Into(A, [&] { return neg(bin(L("1"), "/",
                    Std("sqrt", bin(L("1"), "-", Sq(ArgVal(A)))))); });
  else if (Fn == "atan")
    Into(A, [&] { return bin(L("1"), "/", bin(L("1"), "+", Sq(ArgVal(A)))); });
  else if (Fn == "atan2") {
    Txt Y = ArgVal(A), X = ArgVal(B);
    // 0 at the origin, where atan2 has no derivative (as hypot).
    Txt R2 = atom(temp(E->Type, bin(Sq(Y), "+", Sq(X))));
    Into(A, [&] {
      return atom("gradgen::detail::atan2_partial(" + X.S + ", " + R2.S + ")");
    });
    Into(B, [&] {
      return neg(atom("gradgen::detail::atan2_partial(" + Y.S + ", " + R2.S +
                      ")"));
    });
  } else if (Fn == "sinh")
    Into(A, [&] { return Std("cosh", ArgVal(A)); });
  else if (Fn == "cosh")
    Into(A, [&] { return Std("sinh", ArgVal(A)); });
  else if (Fn == "tanh")
    Into(A, [&] { return bin(L("1"), "-", Sq(val(E))); });
  else if (Fn == "asinh")
    Into(A, [&] { return bin(L("1"), "/", Std("sqrt", bin(Sq(ArgVal(A)), "+", L("1")))); });
  else if (Fn == "acosh") {
    Txt X = ArgVal(A);
    Into(A, [&] { return bin(L("1"), "/",
                bin(Std("sqrt", bin(X, "-", L("1"))), "*",
                    Std("sqrt", bin(X, "+", L("1"))))); });
  } else if (Fn == "atanh")
    Into(A, [&] { return bin(L("1"), "/", bin(L("1"), "-", Sq(ArgVal(A)))); });
  else if (Fn == "exp")
    Into(A, [&] { return val(E); });
  else if (Fn == "exp2")
    Into(A, [&] { return bin(val(E), "*", L("0.693147180559945309417232121458176568")); });
  else if (Fn == "expm1")
    Into(A, [&] { return bin(val(E), "+", L("1")); });
  else if (Fn == "log")
    Into(A, [&] { return bin(L("1"), "/", ArgVal(A)); });
  else if (Fn == "log2")
    Into(A, [&] { return bin(L("1"), "/",
                bin(ArgVal(A), "*",
                    L("0.693147180559945309417232121458176568"))); });
  else if (Fn == "log10")
    Into(A, [&] { return bin(L("1"), "/",
                bin(ArgVal(A), "*",
                    L("2.30258509299404568401799145468436421"))); });
  else if (Fn == "log1p")
    Into(A, [&] { return bin(L("1"), "/", bin(L("1"), "+", ArgVal(A))); });
  else if (Fn == "pow") {
    Txt X = ArgVal(A);
    if (A->Varied)
      Into(A, [&] {
        Txt Y = val(B);
        return bin(Y, "*",
                  atom("std::pow(" + X.S + ", " + bin(Y, "-", L("1")).S + ")")); });
    if (B->Varied)
      Into(B, [&] { return atom("gradgen::detail::pow_exponent_partial(" + X.S + ", " +
                   val(E).S + ")"); });
  } else if (Fn == "sqrt")
    Into(A, [&] { return bin(L("1"), "/", bin(L("2"), "*", val(E))); });
  else if (Fn == "cbrt")
    Into(A, [&] { return bin(L("1"), "/", bin(L("3"), "*", Sq(val(E)))); });
  else if (Fn == "hypot") {
    Txt H = val(E);
    Into(A, [&] { return atom("gradgen::detail::hypot_partial(" + ArgVal(A).S + ", " +
                 H.S + ")"); });
    Into(B, [&] { return atom("gradgen::detail::hypot_partial(" + ArgVal(B).S + ", " +
                 H.S + ")"); });
  } else if (Fn == "fabs")
    Into(A, [&] { return atom("gradgen::detail::sign(" + ArgVal(A).S + ")"); });
  else if (Fn == "fmin" || Fn == "fmax") {
    Txt W = atom(temp(E->Type, atom("gradgen::detail::" + Fn + "_weight(" +
                                    ArgVal(A).S + ", " + ArgVal(B).S + ")")));
    Into(A, [&] { return W; });
    Into(B, [&] { return bin(L("1"), "-", W); });
  } else if (Fn == "erf" || Fn == "erfc") {
    Txt X = ArgVal(A);
    Txt D = bin(L("1.12837916709551257389615890312154517"), "*",
                Std("exp", neg(Sq(X))));
    Into(A, [&] { return Fn == "erf" ? D : neg(D); });
  } else if (Fn == "fma") {
    Expr *C = E->Ops[2];
    Into(A, [&] { return ArgVal(B); });
    Into(B, [&] { return ArgVal(A); });
    if (C->Varied)
      run(C, G);
  } else if (Fn == "fdim") {
    Txt W = atom(temp(E->Type, atom("(" + ArgVal(A).S + " > " + ArgVal(B).S +
                                    " ? " + literal(K, "1") + " : " +
                                    literal(K, "0") + ")")));
    Into(A, [&] { return W; });
    Into(B, [&] { return neg(W); });
  } else if (Fn == "copysign") {
    Into(A, [&] { return atom("(std::signbit(" + ArgVal(A).S + ") == std::signbit(" +
                 ArgVal(B).S + ") ? " + literal(K, "1") + " : " +
                 literal(K, "-1") + ")"); });
  } else if (Fn == "fmod") {
    if (A->Varied)
      run(A, G);
    Into(B, [&] { return neg(Std("trunc", bin(ArgVal(A), "/", ArgVal(B)))); });
  }
  // floor, ceil, trunc, round, nearbyint, rint: zero almost everywhere.
}

std::string Engine::restoreCode(Stmt *S) {
  std::string L = print(S->LHS).S;
  if (Restores[S] == Restore::Invert) {
    std::string Inv = S->Op == "+=" ? "-=" : "+=";
    return L + " " + Inv + " " + print(S->RHS).S + ";";
  }
  const Slot &Sl = Slots[S];
  std::string From = Sl.OnTape ? popOp(Sl.Name) : Sl.Name;
  Var *V = rootVar(S->LHS);
  std::string Keep;
  if (V->IsParam && V->K != Var::Scalar)
    Keep = OutputTape + ".push({&" + L + ", " + L + "}); ";
  return Keep + L + " = " + From + ";";
}

void Engine::forward(const std::vector<Stmt *> &L, std::string &Out,
                     int Ind) {
  std::string Pad(Ind * 2, ' ');
  for (size_t I = 0; I < L.size(); ++I) {
    Stmt *S = L[I];
    switch (S->K) {
    case Stmt::Decl: {
      if (!InPlace.count(S->V))
        break;
      Var *V = S->V;
      std::string Dims;
      for (uint64_t D : V->K == Var::Array ? V->Dims : std::vector<uint64_t>())
        Dims += "[" + std::to_string(D) + "]";
      Stmt *Next = I + 1 < L.size() ? L[I + 1] : nullptr;
      if (Next && Next->K == Stmt::Assign && Next->IsDecl &&
          Next->LHS->K == Expr::VarRef && Next->LHS->V == V &&
          !Restores.count(Next)) {
        Out += Pad + (V->Silenced ? "[[maybe_unused]] " : "") + V->Type +
               " " + V->Name + " = " + print(Next->RHS).S + ";\n";
        ++I;
        break;
      }
      Out += Pad + (V->Silenced ? "[[maybe_unused]] " : "") + V->Type + " " +
             V->Name + Dims + "{};\n";
      break;
    }
    case Stmt::VecOp:
      forwardVecOp(S, Out, Pad);
      break;
    case Stmt::Call:
      for (const Record &R : CallRecords[S])
        Out += Pad + recordCode(R) + "\n";
      Out += Pad + print(S->RHS).S + ";\n";
      break;
    case Stmt::Assign: {
      auto CR = CallRecords.find(S);
      if (CR != CallRecords.end())
        for (const Record &R : CR->second)
          Out += Pad + recordCode(R) + "\n";
      auto It = Slots.find(S);
      if (It != Slots.end()) {
        std::string Old = print(S->LHS).S;
        Out += Pad + (It->second.OnTape ? pushOp(It->second.Name) + Old + ");"
                                        : It->second.Name + " = " + Old + ";") +
               "\n";
      }
      Out += Pad + print(S->LHS).S + " " + S->Op + " " + print(S->RHS).S +
             ";\n";
      break;
    }
    case Stmt::Block:
      if (S->Synthetic) {
        forward(S->Body, Out, Ind);
        break;
      }
      Out += Pad + "{\n";
      forward(S->Body, Out, Ind + 1);
      Out += Pad + "}\n";
      break;
    case Stmt::If: {
      auto It = Slots.find(S);
      auto Record = [&](bool Taken) {
        if (It == Slots.end())
          return;
        if (It->second.OnTape)
          Out += Pad + "  " + pushOp(It->second.Name) +
                 (Taken ? "true" : "false") + ");\n";
        else if (Taken)
          Out += Pad + "  " + It->second.Name + " = true;\n";
      };
      Out += Pad + "if (" + print(S->Cond).S + ") {\n";
      forward(S->Body, Out, Ind + 1);
      Record(true);
      if (!S->Else.empty() || (It != Slots.end() && It->second.OnTape)) {
        Out += Pad + "} else {\n";
        forward(S->Else, Out, Ind + 1);
        Record(false);
      }
      Out += Pad + "}\n";
      break;
    }
    case Stmt::Loop: {
      // Values the loop overwrites but its reverse never reads: kept once.
      for (Var *V : LoopSaves[S]) {
        const Slot &Sl = LoopSaveSlots[{S, V}];
        Out += Pad + (Sl.OnTape ? pushOp(Sl.Name) + V->Name + ");"
                                : Sl.Name + " = " + V->Name + ";") +
               "\n";
      }
      auto It = Slots.find(S);
      std::string Counter;
      if (It != Slots.end()) {
        if (It->second.OnTape) {
          Counter = fresh("_iters");
          Out += Pad + "std::size_t " + Counter + " = 0;\n";
        } else {
          Counter = It->second.Name;
          Out += Pad + Counter + " = 0;\n";
        }
      }
      auto R = Reserved.find(S);
      if (R != Reserved.end())
        for (const auto &[Tape, PerIter] : R->second)
          Out += Pad + Tape + ".reserve(" +
                 (PerIter == 1 ? "" : std::to_string(PerIter) + " * ") +
                 Trips[S] + ");\n";
      Out += Pad + (S->TestFirst ? "while (" + print(S->Cond).S + ") {\n"
                                 : std::string("do {\n"));
      if (!Counter.empty())
        Out += Pad + "  ++" + Counter + ";\n";
      LoopStack.push_back(S);
      forward(S->Body, Out, Ind + 1);
      LoopStack.pop_back();
      Out += Pad + (S->TestFirst ? "}\n" : "} while (" + print(S->Cond).S +
                                               ");\n");
      if (It != Slots.end() && It->second.OnTape)
        Out += Pad + pushOp(It->second.Name) + Counter + ");\n";
      break;
    }
    default:
      break;
    }
  }
}

std::string Engine::argText(Expr *A, const CalleeParam &P) {
  (void)P;
  return print(A).S;
}

/// Forward code keeping the memory a call is about to overwrite.
std::string Engine::recordCode(const Record &R) {
  if (R.Stack)
    return R.Where.Name + ".push_back(" + print(R.Arg).S + ");";
  if (R.Extent) // The n elements from the argument on.
    return R.Where.Name + ".push_back(gradgen::detail::copy_of(" +
           print(R.Arg).S + ", " + print(R.Extent).S + "));";
  if (R.Arg->K != Expr::Pointer) {
    std::string L = print(R.Arg).S;
    return R.Where.OnTape ? pushOp(R.Where.Name) + L + ");"
                          : R.Where.Name + " = " + L + ";";
  }
  return elementLoop(std::to_string(R.Count), false, [&](const std::string &J) {
    std::string Elem = R.Base->Name + "[" + J + "]";
    return R.Where.OnTape ? pushOp(R.Where.Name) + Elem + ");"
                          : R.Where.Name + "[" + J + "] = " + Elem + ";";
  });
}

/// Reverses `x = g(...)` or `g(...);`: back to the memory before the call,
/// then the pullback of g, which recomputes g from there and propagates.
void Engine::reverseCall(Stmt *S, std::string &Out, int Ind) {
  Expr *C = callOf(S);
  unsigned Counter = 0;
  std::string Body;
  Prop P{*this, Body, Ind + 1, {}, Counter, {}};
  Txt Seed;
  bool HasSeed = false;
  if (S->K == Stmt::Assign) {
    Var *V = rootVar(S->LHS);
    if (V->Varied) {
      Txt Adj = adjointOf(S->LHS);
      if (CallPlans.count(S)) {
        Seed = atom(P.temp(S->LHS->Type, Adj));
        HasSeed = true;
      }
      if (isOverwrite(S))
        P.line(Adj.S + " = 0;");
    }
    if (Restores.count(S))
      P.line(restoreCode(S));
  }
  // The memory the call overwrote, as it was before the call.
  std::vector<std::string> Before;
  // Element J of a runtime-extent record's memory.
  auto At = [&](const Record &R, const std::string &J) {
    Expr *Off = R.Arg->Ops[1];
    return R.Base->Name + "[" +
           (Off ? bin(print(Off), "+", atom(J)).S : J) + "]";
  };
  auto Reload = [&](size_t K) {
    const Record &R = CallRecords[S][K];
    if (R.Extent) {
      P.line(elementLoop(Before[K] + ".size()", false,
                         [&](const std::string &J) {
                           return At(R, J) + " = " + Before[K] + "[" + J +
                                  "];";
                         }));
      return;
    }
    if (R.Arg->K != Expr::Pointer) {
      P.line(print(R.Arg).S + " = " + Before[K] + ";");
      return;
    }
    P.line(elementLoop(std::to_string(R.Count), false,
                       [&](const std::string &J) {
                         return R.Base->Name + "[" + J + "] = " + Before[K] +
                                "[" + J + "];";
                       }));
  };
  auto CR = CallRecords.find(S);
  if (CR != CallRecords.end()) {
    for (const Record &R : CR->second) {
      std::string M = fresh("_m" + std::to_string(Counter++));
      Taken.erase(M);
      Before.push_back(M);
      if (R.Stack || R.Extent) {
        P.line((R.Extent ? "std::vector<" + R.Base->Type + ">"
                         : R.Arg->Type) +
               " " + M + " = std::move(" + R.Where.Name + ".back());");
        P.line(R.Where.Name + ".pop_back();");
        continue;
      }
      if (R.Arg->K != Expr::Pointer) {
        P.line(R.Arg->Type + " " + M + " = " +
               (R.Where.OnTape ? popOp(R.Where.Name) : R.Where.Name) +
               ";");
        continue;
      }
      std::string N = std::to_string(R.Count);
      P.line(R.Base->Type + " " + M + "[" + N + "];");
      // Popped in reverse order; copied from a local in order.
      P.line(elementLoop(N, R.Where.OnTape, [&](const std::string &J) {
        return M + "[" + J + "] = " +
               (R.Where.OnTape ? popOp(R.Where.Name)
                               : R.Where.Name + "[" + J + "]") +
               ";";
      }));
    }
    // Caller memory is about to go back to its value before the call: keep
    // the value the call left, to be written back at the end.
    for (const Record &R : CR->second) {
      if (!R.Base->IsParam || R.Base->K == Var::Scalar)
        continue;
      auto Keep = [&](const std::string &L) {
        return OutputTape + ".push({&" + L + ", " + L + "});";
      };
      if (R.Stack)
        P.line(elementLoop(R.Base->Name + ".size()", false,
                           [&](const std::string &J) {
                             return Keep(R.Base->Name + "[" + J + "]");
                           }));
      else if (R.Extent)
        P.line(elementLoop(Before[&R - CR->second.data()] + ".size()", false,
                           [&](const std::string &J) {
                             return Keep(At(R, J));
                           }));
      else if (R.Arg->K == Expr::Pointer)
        P.line(elementLoop(std::to_string(R.Count), false,
                           [&](const std::string &J) {
                             return Keep(R.Base->Name + "[" + J + "]");
                           }));
      else
        P.line(Keep(print(R.Arg).S));
    }
    for (size_t K = 0; K < Before.size(); ++K)
      Reload(K);
  }
  auto CPIt = CallPlans.find(S);
  if (CPIt != CallPlans.end()) {
    const CallPlan &CP = CPIt->second;
    Callee &Fn = *C->Fun;
    std::vector<std::string> Adj(C->Ops.size());
    std::string Call = CP.Name + "(";
    for (size_t I = 0; I < C->Ops.size(); ++I)
      Call += (I ? ", " : "") + argText(C->Ops[I], Fn.Params[I]);
    if (!Fn.ReturnsVoid)
      Call += ", " + (HasSeed ? Seed.S : literal(Fn.ReturnFK, "0"));
    for (size_t I = 0; I < C->Ops.size(); ++I) {
      if (!CP.Mask[I])
        continue;
      const CalleeParam &Prm = Fn.Params[I];
      Expr *A = C->Ops[I];
      std::string Arg;
      if (Prm.K == CalleeParam::Object && !CP.Dummy[I]) {
        Arg = adjointOf(A).S;
        // &(*d_p) is d_p.
        if (Arg.size() > 3 && Arg.compare(0, 2, "(*") == 0 && Arg.back() == ')')
          Arg = Arg.substr(2, Arg.size() - 3);
        else
          Arg = "&" + paren(atom(Arg), 2);
      } else if (Prm.K == CalleeParam::Value || Prm.K == CalleeParam::ConstRef ||
          CP.Dummy[I]) {
        Adj[I] = fresh("_a" + std::to_string(Counter++));
        Taken.erase(Adj[I]);
        if (Prm.K == CalleeParam::Object)
          P.line(Prm.Type + " " + Adj[I] + "{};");
        else
          P.line(std::string(spell(Prm.FK)) + " " + Adj[I] + " = 0;");
        Arg = "&" + Adj[I];
      } else if (Prm.K == CalleeParam::Pointer && A->Implicit) {
        Arg = "&" + paren(adjointOf(A->Ops[0]), 2);
      } else if (Prm.K == CalleeParam::Pointer) {
        Var *B = A->Ops[0]->V;
        Arg = B->Adjoint;
        if (A->Ops[1])
          Arg = bin(atom(Arg), "+", print(A->Ops[1])).S;
      } else {
        Arg = "&" + paren(adjointOf(A), 3);
      }
      Call += ", " + Arg;
    }
    P.line(Call + ");");
    // The pullback left the memory as the call did: back to before it,
    // where the arguments were evaluated (h(b * b, b) with b written by h
    // reads the old b in the partial of b * b).
    for (size_t K = 0; K < Before.size(); ++K)
      Reload(K);
    for (size_t I = 0; I < C->Ops.size(); ++I)
      if (!Adj[I].empty() && !CP.Dummy[I] &&
          Fn.Params[I].K != CalleeParam::Object)
        P.run(C->Ops[I], atom(Adj[I]));
  }
  if (!Body.empty())
    Out += std::string(Ind * 2, ' ') + "{\n" + Body +
           std::string(Ind * 2, ' ') + "}\n";
}

void Engine::forwardVecOp(Stmt *S, std::string &Out, const std::string &Pad) {
  Var *V = S->LHS->V;
  std::string W = V->Name, A = V->Adjoint;
  if (S->Op == "push_back") {
    Out += Pad + W + ".push_back(" + print(S->RHS).S + ");\n";
    if (V->Varied)
      Out += Pad + A + ".push_back(0);\n";
    return;
  }
  auto It = Slots.find(S);
  if (It != Slots.end())
    Out += Pad + (It->second.OnTape ? pushOp(It->second.Name) + A +
                                          ".size());"
                                    : It->second.Name + " = " + A +
                                          ".size();") +
           "\n";
  auto VS = VecStacks.find(S);
  if (VS != VecStacks.end())
    Out += Pad + VS->second + ".push_back(" + W + ");\n";
  std::string N = print(S->RHS).S;
  if (S->Op == "resize") {
    Out += Pad + W + ".resize(" + N + ");\n";
    if (V->Varied)
      Out += Pad + A + ".resize(" + W + ".size());\n";
    return;
  }
  Out += Pad + W + ".assign(" + N + ", " +
         (S->Cond ? print(S->Cond).S : literal(V->FK, "0")) + ");\n";
  if (V->Varied)
    Out += Pad + A + ".assign(" + W + ".size(), 0);\n";
}

void Engine::reverseVecOp(Stmt *S, std::string &Out, int Ind) {
  Var *V = S->LHS->V;
  unsigned Counter = 0;
  std::string Body;
  Prop P{*this, Body, Ind + 1, {}, Counter, {}};
  std::string W = V->Name, A = V->Adjoint;
  std::string T = spell(V->FK);
  if (S->Op == "push_back") {
    if (V->Varied) {
      bool Active = !S->NoGrad && S->RHS->Varied;
      std::string G = Active ? P.temp(T, atom(A + ".back()")) : "";
      P.line(A + ".pop_back();");
      if (V->Needed)
        P.line(W + ".pop_back();");
      if (Active)
        P.run(S->RHS, atom(G));
    } else if (V->Needed) {
      P.line(W + ".pop_back();");
    }
  } else {
    if (V->Varied && S->Cond && S->Cond->Varied && !S->NoGrad) {
      // Every element was the fill value.
      std::string G = P.temp(T, atom(literal(V->FK, "0")));
      P.line(elementLoop(A + ".size()", false, [&](const std::string &J) {
        return G + " += " + A + "[" + J + "];";
      }));
      P.run(S->Cond, atom(G));
    }
    auto VS = VecStacks.find(S);
    if (VS != VecStacks.end()) {
      P.line(W + " = " + VS->second + ".back();");
      P.line(VS->second + ".pop_back();");
    }
    auto It = Slots.find(S);
    if (It != Slots.end()) {
      std::string Old = It->second.OnTape ? popOp(It->second.Name)
                                          : It->second.Name;
      // The elements the call created carried no gradient before it.
      if (S->Op == "resize")
        P.line(A + ".resize(" + Old + ");");
      else
        P.line(A + ".assign(" + Old + ", 0);");
    }
  }
  if (!Body.empty())
    Out += std::string(Ind * 2, ' ') + "{\n" + Body +
           std::string(Ind * 2, ' ') + "}\n";
}

void Engine::reverseAssign(Stmt *S, std::string &Out, int Ind) {
  if (callOf(S)) {
    reverseCall(S, Out, Ind);
    return;
  }
  std::string Pad(Ind * 2, ' ');
  Var *V = rootVar(S->LHS);
  bool HasRestore = Restores.count(S);
  if (!V->Varied) {
    if (HasRestore)
      Out += Pad + restoreCode(S) + "\n";
    return;
  }
  bool RhsActive = !S->NoGrad && S->RHS->Varied;
  Txt Adj = adjointOf(S->LHS);
  std::string Type = S->LHS->Type;
  unsigned Counter = 0;
  std::string Body;
  Prop P{*this, Body, Ind + 1, {}, Counter, {}};

  if (S->NoGrad) {
    // The value assigned after a no_grad guard carries no gradient at all,
    // also through the old value of a compound assignment.
    if (isOverwrite(S) || S->Op != "=")
      P.line(Adj.S + " = 0;");
    if (HasRestore)
      P.line(restoreCode(S));
  } else if (S->Op == "+=" || S->Op == "-=") {
    if (!RhsActive) {
      if (HasRestore)
        Out += Pad + restoreCode(S) + "\n";
      return;
    }
    Txt G = Adj;
    if (mentions(S->RHS, V) || S->LHS->K == Expr::Index)
      G = atom(P.temp(Type, Adj));
    if (HasRestore)
      P.line(restoreCode(S));
    P.run(S->RHS, S->Op == "+=" ? G : neg(G));
  } else {
    bool Reset = isOverwrite(S) || S->Op != "=";
    if (!RhsActive && S->Op == "=") {
      if (Reset)
        P.line(Adj.S + " = 0;");
      if (HasRestore)
        P.line(restoreCode(S));
    } else {
      Txt G = atom(P.temp(Type, Adj));
      // Assigning the first contribution is only sound where nothing else
      // can name the same adjoint: a plain scalar (elements alias through
      // other index expressions).
      if (Reset && S->Op == "=" && S->LHS->K == Expr::VarRef &&
          V->K == Var::Scalar)
        P.Pending = Adj.S;
      else if (Reset)
        P.line(Adj.S + " = 0;");
      // The value just computed, before the old one comes back: derivative
      // formulas of exp, tanh, sqrt, ... use it instead of recomputing.
      // Not if V is kept once around an enclosing loop instead of restored
      // at each overwrite: then V holds the loop's last value here.
      if (S->Op == "=" && V->Needed && !keptAroundLoop(V) &&
          S->RHS->K == Expr::Call && S->RHS->FK == S->LHS->FK &&
          usesResult(S->RHS))
        P.Memo[S->RHS] = P.temp(Type, print(S->LHS));
      if (HasRestore)
        P.line(restoreCode(S));
      if (S->Op == "=") {
        P.run(S->RHS, G);
        P.flush();
      } else if (S->Op == "*=") {
        Txt R = P.val(S->RHS);
        P.line(Adj.S + " += " + bin(G, "*", R).S + ";");
        if (RhsActive)
          P.run(S->RHS, bin(G, "*", print(S->LHS)));
      } else if (S->Op == "/=") {
        Txt R = P.val(S->RHS);
        P.line(Adj.S + " += " + bin(G, "/", R).S + ";");
        if (RhsActive)
          P.run(S->RHS, neg(bin(bin(G, "*", print(S->LHS)), "/",
                                bin(R, "*", R))));
      }
    }
  }
  if (Body.empty())
    return;
  // One statement's temporaries get a scope of their own.
  if (Counter == 0 && std::count(Body.begin(), Body.end(), '\n') == 1) {
    Out += Pad + Body.substr(Body.find_first_not_of(' '));
    return;
  }
  Out += Pad + "{\n" + Body + Pad + "}\n";
}

void Engine::reverseLoop(Stmt *S, std::string &Out, int Ind) {
  std::string Pad(Ind * 2, ' ');
  const Slot &Sl = Slots[S];
  std::string K = fresh("_k");
  std::string Count = Sl.OnTape ? popOp(Sl.Name) : Sl.Name;
  // The loop's reserved elements are popped unchecked: first make the chunk
  // that holds them current (after the loop's count is popped: it was
  // pushed after them).
  auto R = Reserved.find(S);
  std::string Init = "std::size_t " + K + " = " + Count;
  if (R != Reserved.end()) {
    if (Sl.OnTape) {
      Out += Pad + Init + ";\n";
      Init.clear();
    }
    for (const auto &Entry : R->second)
      Out += Pad + Entry.first + ".settle();\n";
  }
  Out += Pad + "for (" + Init + "; " + K + " > 0; --" + K + ") {\n";
  LoopStack.push_back(S);
  reverse(S->Body, Out, Ind + 1);
  LoopStack.pop_back();
  Out += Pad + "}\n";
}

void Engine::reverse(const std::vector<Stmt *> &L, std::string &Out,
                     int Ind) {
  std::string Pad(Ind * 2, ' ');
  for (size_t I = L.size(); I-- > 0;) {
    Stmt *S = L[I];
    // Loop-local temporaries the statements from here back to their
    // assignment read: recomputed (cheaper than recorded).
    auto RC = RecomputeBefore.find(S);
    if (RC != RecomputeBefore.end())
      for (Stmt *A : RC->second)
        Out += Pad + print(A->LHS).S + " = " + print(A->RHS).S + ";\n";
    if (S->K == Stmt::Loop && !LoopSaves[S].empty()) {
      if (hasRevWork(S))
        reverseLoop(S, Out, Ind);
      const std::vector<Var *> &Vs = LoopSaves[S];
      for (size_t K = Vs.size(); K-- > 0;) {
        const Slot &Sl = LoopSaveSlots[{S, Vs[K]}];
        Out += Pad + Vs[K]->Name + " = " +
               (Sl.OnTape ? popOp(Sl.Name) : Sl.Name) + ";\n";
      }
      continue;
    }
    if (!hasRevWork(S))
      continue;
    switch (S->K) {
    case Stmt::Assign:
    case Stmt::Call:
      reverseAssign(S, Out, Ind);
      break;
    case Stmt::VecOp:
      reverseVecOp(S, Out, Ind);
      break;
    case Stmt::Block:
      // Reverse code declares nothing that outlives a statement: no braces.
      reverse(S->Body, Out, Ind);
      break;
    case Stmt::If: {
      const Slot &Sl = Slots[S];
      Out += Pad + "if (" + (Sl.OnTape ? popOp(Sl.Name) : Sl.Name) +
             ") {\n";
      reverse(S->Body, Out, Ind + 1);
      bool ElseWork = false;
      for (Stmt *C : S->Else)
        ElseWork |= hasRevWorkAround(C);
      if (ElseWork) {
        Out += Pad + "} else {\n";
        reverse(S->Else, Out, Ind + 1);
      }
      Out += Pad + "}\n";
      break;
    }
    case Stmt::Loop:
      reverseLoop(S, Out, Ind);
      break;
    default:
      break;
    }
  }
}

/// Appends the definition to Out; returns the signature.
std::string Engine::emitFunction(bool Pullback, std::string &Out) {
  std::string Name = F.CalleeVariant ? F.PullbackName
                     : F.Name + (Pullback ? "_pullback" : "_grad");
  bool Internal = F.IsStatic || F.CalleeVariant ||
                  std::count(F.Namespaces.begin(), F.Namespaces.end(), "");
  // An internal function the program does not call must not warn.
  std::string Sig = std::string(Internal && !F.CalleeVariant
                                    ? "[[maybe_unused]] "
                                    : "") +
                    (F.IsStatic || F.CalleeVariant ? "static " : "") +
                    std::string(Pullback ? "void " : F.ReturnType + " ") +
                    Name + "(";
  std::string Seed = "1";
  if (Pullback && !F.ReturnsVoid) {
    Seed = fresh("d_ret");
    Taken.erase(Seed);
  }
  // The body first: a parameter it never mentions is marked
  // [[maybe_unused]] (the source may have silenced it).
  std::string Body;
  emitBody(Pullback, Seed, Body);
  bool First = true;
  auto Arg = [&](const std::string &Name, const std::string &Decl) {
    Sig += (First ? "" : ", ") +
           std::string(mentionsIdent(Body, Name) ? "" : "[[maybe_unused]] ") +
           Decl;
    First = false;
  };
  for (Param &P : F.Params)
    Arg(P.V->Name, P.Decl);
  if (Pullback && !F.ReturnsVoid)
    Arg(Seed, F.ReturnType + " " + Seed);
  for (Param &P : F.Params)
    if (P.Active)
      Arg(P.V->AdjointParam, P.V->Type + " *" + P.V->AdjointParam);
  Sig += ")";
  Out += Sig + " {\n" + Body + "}\n";
  return Sig;
}

/// The statements of a generated function.
void Engine::emitBody(bool Pullback, const std::string &Seed,
                      std::string &Out) {
  for (const std::string &H : Hoisted) {
    // A pullback computes the result but does not return it.
    bool Unused = Pullback && F.Ret && H.compare(0, F.ReturnType.size() + 1 +
                                               F.Ret->Name.size() + 1,
                                        F.ReturnType + " " + F.Ret->Name +
                                            "{") == 0;
    Out += std::string("  ") + (Unused ? "[[maybe_unused]] " : "") + H + "\n";
  }
  for (const auto &T : Tapes)
    Out += "  gradgen::tape<" + T.first + "> " + T.second + ";\n";
  if (!OutputTape.empty())
    Out += "  gradgen::tape<" + OutputTapeType + "> " + OutputTape + ";\n";
  Out += "  // Forward sweep.\n";
  forward(F.Body, Out, 1);
  Out += "  // Reverse sweep.\n";
  if (F.Ret && F.Ret->Varied)
    Out += "  " + F.Ret->Adjoint + " = " +
           (Pullback ? Seed : literal(F.ReturnFK, "1")) + ";\n";
  reverse(F.Body, Out, 1);
  for (Param &P : F.Params) {
    if (!P.Active)
      continue;
    Var *V = P.V;
    if (V->K == Var::Scalar)
      Out += "  *" + V->AdjointParam + " += " + V->Adjoint + ";\n";
    if (V->K != Var::Object)
      continue;
    if (V->OK == Var::Struct) {
      for (size_t I = 0; I < V->Leaves.size(); ++I)
        if (V->LeafFK[I] != FloatKind::None)
          Out += "  (*" + V->AdjointParam + ")" + V->Leaves[I] + " += " +
                 V->Adjoint + V->Leaves[I] + ";\n";
      continue;
    }
    std::string J = fresh("_j");
    Taken.erase(J);
    Out += "  for (std::size_t " + J + " = 0; " + J + " < " + V->Adjoint +
           ".size(); ++" + J + ")\n    (*" + V->AdjointParam + ")[" + J +
           "] += " + V->Adjoint + "[" + J + "];\n";
  }
  if (!OutputTape.empty())
    Out += "  gradgen::detail::write_back(" + OutputTape + ");\n";
  if (!Pullback)
    Out += "  return " + F.Ret->Name + ";\n";
}

bool Engine::run(Generated &Out) {
  for (const std::string &N : F.UsedNames)
    Taken.insert(N);
  for (auto &V : F.Vars)
    Taken.insert(V->Name);

  JumpLowering(F, [this](const char *Base) { return fresh(Base); }).run();
  hoistCalls(F.Body, 0);
  if (Failed)
    return false;
  controlOnlyCalls();
  analyseActivity();
  if (!checkResult())
    return false;
  warnUnused();
  analyseNeeded();
  if (Failed)
    return false;

  // Declarations: in place when the declaration sits in the function's own
  // block, hoisted to the top otherwise (the reverse sweep needs them).
  for (Stmt *S : F.Body)
    if (S->K == Stmt::Decl)
      InPlace.insert(S->V);
  for (auto &VP : F.Vars) {
    Var *V = VP.get();
    if (V->IsParam || InPlace.count(V))
      continue;
    bool Used = V == F.Ret && V;
    forEachStmt(F.Body, [&](Stmt *S) {
      if ((S->K == Stmt::Decl && S->V == V) ||
          (S->K == Stmt::Assign && rootVar(S->LHS) == V))
        Used = true;
    });
    if (!Used)
      continue;
    std::string Dims;
    for (uint64_t D : V->K == Var::Array ? V->Dims : std::vector<uint64_t>())
      Dims += "[" + std::to_string(D) + "]";
    Hoisted.push_back(std::string(V->Silenced ? "[[maybe_unused]] " : "") +
                      V->Type + " " + V->Name + Dims + "{};");
  }
  // Adjoints. An active parameter p gets the pointer d_p, unless that
  // name is a parameter's own.
  std::set<std::string> ParamNames;
  for (Param &P : F.Params)
    ParamNames.insert(P.V->Name);
  for (Param &P : F.Params) {
    if (!P.Active)
      continue;
    std::string Name = "d_" + P.V->Name;
    while (ParamNames.count(Name))
      Name += "_";
    ParamNames.insert(Name);
    Taken.insert(Name);
    P.V->AdjointParam = Name;
  }
  for (auto &VP : F.Vars) {
    Var *V = VP.get();
    if (!V->Varied)
      continue;
    if (V->IsParam && V->AdjointParam.empty() && V->K != Var::Scalar) {
      // An inactive (GRADGEN_CONST) parameter that receives values carrying
      // a gradient: its adjoint lives here, starting at zero.
      if (V->K == Var::PointerParam) {
        Diags.push_back({Diag::Error, V->Where,
                         "the GRADGEN_CONST parameter '" + V->SourceName +
                             "' receives values that carry a gradient, and "
                             "gradgen cannot know how many elements to track; "
                             "write them to a local array"});
        return false;
      }
      V->Adjoint = fresh(prefixed("_d_", V));
      std::string T = V->Type;
      Hoisted.push_back(T + " " + V->Adjoint +
                        (V->OK == Var::Vector ? "(" + V->Name + ".size());"
                                              : "{};"));
      continue;
    }
    if (V->IsParam && V->K != Var::Scalar && V->K != Var::Object) {
      V->Adjoint = V->AdjointParam;
      continue;
    }
    if (V->IsParam && V->K == Var::Object) {
      // A copy the function may overwrite: its adjoint accumulates locally
      // and is added to the caller's at the end.
      V->Adjoint = fresh(prefixed("_d_", V));
      Hoisted.push_back(V->Type + " " + V->Adjoint +
                        (V->OK == Var::Vector ? "(" + V->Name + ".size());"
                                              : "{};"));
      continue;
    }
    // By-value parameters accumulate in _d_<name>, added to the contract's
    // pointer d_<name> at the end.
    V->Adjoint = fresh(V == F.Ret ? "_d_ret" : prefixed("_d_", V));
    std::string Dims;
    for (uint64_t D : V->K == Var::Array ? V->Dims : std::vector<uint64_t>())
      Dims += "[" + std::to_string(D) + "]";
    Hoisted.push_back(V->Type + " " + V->Adjoint + Dims + "{};");
  }
  plan(F.Body, false);
  if (Failed)
    return false;
  planReserves(F.Body);

  std::string Open, Close;
  for (const std::string &NS : F.Namespaces) {
    Open += NS.empty() ? "namespace {\n" : "namespace " + NS + " {\n";
    Close = "} // namespace " + NS + "\n" + Close;
  }
  std::string Defs, Decls;
  if (!F.ReturnsVoid && !F.CalleeVariant) {
    Decls += emitFunction(false, Defs) + ";\n";
    Defs += "\n";
  }
  Decls += emitFunction(true, Defs) + ";\n";
  Out.Definition = "\n" + Open + Defs + Close;
  Out.Internal = F.IsStatic || F.CalleeVariant ||
                 std::count(F.Namespaces.begin(), F.Namespaces.end(), "");
  Out.Declaration = "\n" + Open + Decls + Close;
  return true;
}

} // namespace

bool differentiate(Function &F, const PullbackRequest &Request,
                   std::vector<Diag> &Diags, Generated &Out) {
  return Engine(F, Request, Diags).run(Out);
}

} // namespace ir
} // namespace gradgen
