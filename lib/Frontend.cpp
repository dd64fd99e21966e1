//===- Frontend.cpp - From Clang's AST to gradgen's IR --------------------===//
//
// Finds the annotated functions of a translation unit, translates each body
// into the structured IR of IR.h, hands it to the engine, and reports the
// engine's diagnostics through Clang's DiagnosticsEngine. Everything that
// depends on Clang's AST lives here.
//
//===----------------------------------------------------------------------===//

#include "IR.h"
#include "gradgen/Engine.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

using namespace clang;
namespace gir = gradgen::ir;

namespace {

constexpr const char *DifferentiableMarker = "gradgen::differentiable";
constexpr const char *ConstMarker = "gradgen::const";

bool hasAnnotation(const Decl *D, StringRef Marker) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Marker)
      return true;
  return false;
}

bool isAnnotatedFunction(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, DifferentiableMarker))
      return true;
  return false;
}

gir::FloatKind floatKind(QualType T) {
  T = T.getCanonicalType();
  if (const auto *BT = T->getAs<BuiltinType>()) {
    switch (BT->getKind()) {
    case BuiltinType::Float:
      return gir::FloatKind::Float;
    case BuiltinType::Double:
      return gir::FloatKind::Double;
    case BuiltinType::LongDouble:
      return gir::FloatKind::LongDouble;
    default:
      break;
    }
  }
  return gir::FloatKind::None;
}

bool isIntegral(QualType T) {
  T = T.getCanonicalType();
  return T->isIntegralOrEnumerationType();
}

/// True for declarations in namespace std (including inline namespaces) or
/// at global scope: where <cmath> puts its functions.
bool isStdOrGlobal(const FunctionDecl *FD) {
  const DeclContext *DC = FD->getDeclContext();
  while (DC && (DC->isInlineNamespace() || isa<LinkageSpecDecl>(DC)))
    DC = DC->getParent();
  if (!DC)
    return false;
  if (DC->isTranslationUnit())
    return true;
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
    return NS->getName() == "std" && NS->getParent()->getRedeclContext()
                                         ->isTranslationUnit();
  return false;
}

std::string operatorWord(OverloadedOperatorKind Op, bool Unary);

/// A name to build identifiers from: the function's, or for an operator a
/// word for it (operator+ gives operator_plus, unary operator- gives
/// operator_negate).
std::string identifierFor(const FunctionDecl *FD) {
  OverloadedOperatorKind Op = FD->getOverloadedOperator();
  std::string Class;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    Class = MD->getParent()->getNameAsString() + "_"; // Vec3::norm: Vec3_norm
  if (Op == OO_None)
    return Class + FD->getNameAsString();
  bool Unary = FD->getNumParams() == (isa<CXXMethodDecl>(FD) ? 0u : 1u);
  return Class + operatorWord(Op, Unary);
}

std::string operatorWord(OverloadedOperatorKind Op, bool Unary) {
  switch (Op) {
  case OO_Plus:
    return Unary ? "operator_unary_plus" : "operator_plus";
  case OO_Minus:
    return Unary ? "operator_negate" : "operator_minus";
  case OO_Star:
    return "operator_times";
  case OO_Slash:
    return "operator_divide";
  case OO_Percent:
    return "operator_modulo";
  case OO_PlusEqual:
    return "operator_plus_assign";
  case OO_MinusEqual:
    return "operator_minus_assign";
  case OO_StarEqual:
    return "operator_times_assign";
  case OO_SlashEqual:
    return "operator_divide_assign";
  case OO_EqualEqual:
    return "operator_equal";
  case OO_ExclaimEqual:
    return "operator_not_equal";
  case OO_Less:
    return "operator_less";
  case OO_Greater:
    return "operator_greater";
  case OO_LessEqual:
    return "operator_less_equal";
  case OO_GreaterEqual:
    return "operator_greater_equal";
  case OO_Subscript:
    return "operator_subscript";
  case OO_Call:
    return "operator_call";
  case OO_Caret:
    return "operator_caret";
  case OO_Pipe:
    return "operator_pipe";
  case OO_Amp:
    return "operator_amp";
  default:
    return "operator_" + std::to_string(static_cast<int>(Op));
  }
}

/// The name of a function as code outside its namespace spells it.
std::string printableName(const FunctionDecl *FD) {
  std::string Name = FD->getNameAsString();
  bool Qualified = false;
  for (const DeclContext *DC = FD->getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (!NS->isAnonymousNamespace() && !NS->isInlineNamespace()) {
        Name = NS->getNameAsString() + "::" + Name;
        Qualified = true;
      }
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      Name = RD->getNameAsString() + "::" + Name; // A static member.
      Qualified = true;
    }
  }
  return Qualified ? "::" + Name : Name;
}

/// The base names of the math functions gradgen knows.
const std::set<std::string> &mathFunctions() {
  static const std::set<std::string> Names = {
      "sin",   "cos",   "tan",   "asin",  "acos",  "atan",  "atan2",
      "sinh",  "cosh",  "tanh",  "asinh", "acosh", "atanh", "exp",
      "exp2",  "expm1", "log",   "log2",  "log10", "log1p", "pow",
      "sqrt",  "cbrt",  "hypot", "fabs",  "fmin",  "fmax",  "erf",
      "erfc",  "fma",   "floor", "ceil",  "trunc", "round", "nearbyint",
      "rint",  "fdim",  "copysign", "fmod", "abs"};
  return Names;
}

/// Maps a <cmath> function name to its base name ("sinf" -> "sin"), or "".
std::string mathBase(StringRef Name) {
  const auto &Names = mathFunctions();
  if (Names.count(Name.str()))
    return Name.str();
  if (Name.size() > 1 && (Name.back() == 'f' || Name.back() == 'l')) {
    std::string Base = Name.drop_back().str();
    if (Names.count(Base) && Base != "abs")
      return Base;
  }
  return "";
}

/// What gradgen knows of a struct, std::vector or std::array type.
struct ObjectInfo {
  gir::Var::ObjectKind OK = gir::Var::NotObject;
  gir::FloatKind FK = gir::FloatKind::None; ///< Element kind (containers).
  std::string Elem;                         ///< Element spelling.
  uint64_t Size = 0;                        ///< std::array's N.
  std::vector<std::string> Leaves;          ///< A struct's floating leaves.
  std::vector<gir::FloatKind> LeafFK;       ///< ... and their kinds.
  std::vector<std::string> LeafType;        ///< ... and their spellings.
  /// Gives \p V this object's kind and leaves.
  void shapeInto(gir::Var &V) const {
    V.OK = OK;
    V.Leaves = Leaves;
    V.LeafFK = LeafFK;
    V.LeafType = LeafType;
  }
  bool hasFloat() const {
    for (gir::FloatKind K : LeafFK)
      if (K != gir::FloatKind::None)
        return true;
    return false;
  }
  gir::FloatKind firstFloat() const {
    for (gir::FloatKind K : LeafFK)
      if (K != gir::FloatKind::None)
        return K;
    return gir::FloatKind::None;
  }
};

/// Classifies T (canonical); false if it is no object gradgen supports.
bool classifyObject(QualType T, const PrintingPolicy &Policy, ObjectInfo &I,
                    std::string Prefix = "") {
  T = T.getCanonicalType().getUnqualifiedType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  std::string Name = RD->getQualifiedNameAsString();
  if (const auto *CTS = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    const TemplateArgumentList &Args = CTS->getTemplateArgs();
    if ((Name == "std::vector" || Name == "std::__1::vector") &&
        Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type) {
      I.OK = gir::Var::Vector;
      I.FK = floatKind(Args[0].getAsType());
      I.Elem = Args[0].getAsType().getCanonicalType().getAsString(Policy);
      return I.FK != gir::FloatKind::None ||
             Args[0].getAsType()->isIntegralOrEnumerationType();
    }
    if ((Name == "std::array" || Name == "std::__1::array") &&
        Args.size() == 2 && Args[0].getKind() == TemplateArgument::Type) {
      I.OK = gir::Var::StdArray;
      I.FK = floatKind(Args[0].getAsType());
      I.Elem = Args[0].getAsType().getCanonicalType().getAsString(Policy);
      I.Size = Args[1].getAsIntegral().getZExtValue();
      return I.FK != gir::FloatKind::None ||
             Args[0].getAsType()->isIntegralOrEnumerationType();
    }
    return false;
  }
  if (!RD->isAggregate() || RD->getNumBases() || RD->isPolymorphic() ||
      RD->isUnion())
    return false;
  I.OK = gir::Var::Struct;
  for (const FieldDecl *FD : RD->fields()) {
    // Default member initializers would run in constructors gradgen does
    // not model.
    if (FD->getAccess() != AS_public || FD->isBitField() ||
        FD->hasInClassInitializer())
      return false;
    QualType FT = FD->getType().getCanonicalType();
    std::string Path = Prefix + "." + FD->getNameAsString();
    if (floatKind(FT) != gir::FloatKind::None) {
      I.Leaves.push_back(Path);
      I.LeafFK.push_back(floatKind(FT));
      I.LeafType.push_back(gir::spell(floatKind(FT)));
      continue;
    }
    if (FT->isIntegralOrEnumerationType()) {
      I.Leaves.push_back(Path);
      I.LeafFK.push_back(gir::FloatKind::None);
      I.LeafType.push_back(FT.getUnqualifiedType().getAsString(Policy));
      continue;
    }
    if (const auto *CAT = dyn_cast<ConstantArrayType>(FT.getTypePtr())) {
      QualType E = CAT->getElementType().getCanonicalType();
      uint64_t N = CAT->getSize().getZExtValue();
      if (floatKind(E) != gir::FloatKind::None ||
          E->isIntegralOrEnumerationType()) {
        for (uint64_t K = 0; K < N; ++K) {
          I.Leaves.push_back(Path + "[" + std::to_string(K) + "]");
          I.LeafFK.push_back(floatKind(E));
          I.LeafType.push_back(E.getUnqualifiedType().getAsString(Policy));
        }
        continue;
      }
      ObjectInfo Inner;
      if (!classifyObject(E, Policy, Inner) || Inner.OK != gir::Var::Struct)
        return false;
      for (uint64_t K = 0; K < N; ++K)
        for (size_t J = 0; J < Inner.Leaves.size(); ++J) {
          I.Leaves.push_back(Path + "[" + std::to_string(K) + "]" +
                             Inner.Leaves[J]);
          I.LeafFK.push_back(Inner.LeafFK[J]);
          I.LeafType.push_back(Inner.LeafType[J]);
        }
      continue;
    }
    ObjectInfo Inner;
    if (!classifyObject(FT, Policy, Inner, Path) ||
        Inner.OK != gir::Var::Struct)
      return false;
    I.Leaves.insert(I.Leaves.end(), Inner.Leaves.begin(), Inner.Leaves.end());
    I.LeafFK.insert(I.LeafFK.end(), Inner.LeafFK.begin(), Inner.LeafFK.end());
    I.LeafType.insert(I.LeafType.end(), Inner.LeafType.begin(),
                      Inner.LeafType.end());
  }
  return true;
}

/// Init binds a const reference to a temporary (`const double &t = a * b;`).
bool bindsTemporary(const Expr *Init) {
  // (IgnoreParenImpCasts would look through the temporary too.)
  const Expr *E = Init;
  while (true) {
    E = E->IgnoreParens();
    if (isa<MaterializeTemporaryExpr>(E))
      return true;
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
      E = ICE->getSubExpr();
    else
      return false;
  }
}

/// A local reference or pointer bound to other memory, which gradgen reads
/// as a name for that memory: `double &r = x[i];`, `double *p = x + k;`.
/// (A const reference bound to a temporary is a copy instead.)
const Expr *aliasInit(const ValueDecl *D) {
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl() || !VD->getInit())
    return nullptr;
  QualType T = VD->getType();
  if (!T->isReferenceType() && !T->isPointerType())
    return nullptr;
  if (T->isReferenceType() && bindsTemporary(VD->getInit()))
    return nullptr;
  return VD->getInit();
}

/// The variable whose memory the lvalue or pointer E names, through
/// aliases; null if gradgen cannot tell.
const VarDecl *memoryRoot(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ASE->getBase();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && (UO->getOpcode() == UO_Deref ||
                      UO->getOpcode() == UO_AddrOf)) {
      E = UO->getSubExpr();
    } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
               BO && BO->isAdditiveOp()) {
      E = BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                    : BO->getRHS();
    } else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
               OCE && OCE->getOperator() == OO_Subscript) {
      E = OCE->getArg(0); // v[i]
    } else if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
               MCE && MCE->getMethodDecl() &&
               MCE->getMethodDecl()->getName() == "data") {
      E = MCE->getImplicitObjectArgument(); // v.data()
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const Expr *Init = aliasInit(DRE->getDecl())) {
        E = Init;
        continue;
      }
      return dyn_cast<VarDecl>(DRE->getDecl());
    } else {
      return nullptr;
    }
  }
}

/// Are V's elements integers (an index array, or a pointer to indices)?
bool holdsIndices(const VarDecl *V) {
  QualType T = V->getType().getNonReferenceType().getCanonicalType();
  bool Elements = false;
  while (true) {
    if (const auto *AT = dyn_cast<ArrayType>(T.getTypePtr()))
      T = AT->getElementType().getCanonicalType();
    else if (T->isPointerType())
      T = T->getPointeeType().getCanonicalType();
    else
      break;
    Elements = true;
  }
  return Elements && T->isIntegralOrEnumerationType();
}

/// The first variable an expression names (for a diagnostic's location).
const DeclRefExpr *firstRef(const Stmt *S) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE;
  for (const Stmt *C : S->children())
    if (const DeclRefExpr *R = C ? firstRef(C) : nullptr)
      return R;
  return nullptr;
}

/// Where S may change V: assign it, ++/-- it, take its address or bind a
/// reference to it, also through a local alias of it; for a variable that
/// holds indices, also write its elements. Null if nowhere. Reading V does
/// not change it, nor (for a pointer or array of floating values) writing
/// its elements.
const DeclRefExpr *changesVar(const Stmt *S, const VarDecl *V,
                              bool Read = false) {
  if (!S)
    return nullptr;
  if (!Read && holdsIndices(V) &&
      (isa<ArraySubscriptExpr>(S) ||
       (isa<MemberExpr>(S) && cast<MemberExpr>(S)->isArrow()) ||
       (isa<UnaryOperator>(S) &&
        cast<UnaryOperator>(S)->getOpcode() == UO_Deref))) {
    // An element written, through V or through an alias of its memory.
    const VarDecl *Root = memoryRoot(cast<Expr>(S));
    if (!Root || Root == V)
      if (const DeclRefExpr *At = firstRef(S))
        return At;
  }
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S)) {
    if (ICE->getCastKind() == CK_LValueToRValue)
      return changesVar(ICE->getSubExpr(), V, true);
    if (ICE->getCastKind() == CK_ArrayToPointerDecay ||
        ICE->getCastKind() == CK_NoOp)
      return changesVar(ICE->getSubExpr(), V, Read);
  }
  if (const auto *PE = dyn_cast<ParenExpr>(S))
    return changesVar(PE->getSubExpr(), V, Read);
  // A const member function reads its object (v[i], v.size() on a const
  // std::vector).
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
    if (MD && MD->isConst()) {
      const Expr *Object = nullptr;
      unsigned First = 0;
      if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
        Object = MCE->getImplicitObjectArgument();
      } else if (isa<CXXOperatorCallExpr>(CE) && CE->getNumArgs() > 0) {
        Object = CE->getArg(0);
        First = 1;
      }
      if (Object) {
        if (const DeclRefExpr *At = changesVar(Object, V, true))
          return At;
        for (unsigned I = First; I < CE->getNumArgs(); ++I)
          if (const DeclRefExpr *At = changesVar(CE->getArg(I), V, false))
            return At;
        return nullptr;
      }
    }
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    // Binding an alias changes nothing; writing through it does, and is
    // found where it happens.
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && !aliasInit(VD))
        if (const DeclRefExpr *At = changesVar(VD->getInit(), V, false))
          return At;
    return nullptr;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(S)) {
    if (const DeclRefExpr *At = changesVar(ASE->getBase(), V, Read))
      return At;
    return changesVar(ASE->getIdx(), V, false);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(S); ME && !ME->isArrow())
    return changesVar(ME->getBase(), V, Read);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (DRE->getDecl() == V)
      return Read ? nullptr : DRE;
    // Written through a reference alias: what the alias names changes.
    const auto *A = dyn_cast<VarDecl>(DRE->getDecl());
    if (!Read && A && A->getType()->isReferenceType())
      if (const Expr *Init = aliasInit(A))
        if (changesVar(Init, V, false))
          return DRE;
    return nullptr;
  }
  for (const Stmt *C : S->children())
    if (const DeclRefExpr *At = changesVar(C, V, false))
      return At;
  return nullptr;
}

bool mentionsDecl(const Stmt *S, const ValueDecl *D) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == D)
    return true;
  for (const Stmt *C : S->children())
    if (mentionsDecl(C, D))
      return true;
  return false;
}

/// The variables whose values decide which memory E names: indices,
/// pointers, index arrays, objects holding indices (through aliases too).
void locatingVars(const Stmt *S, std::set<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      Out.insert(VD);
      if (const Expr *Init = aliasInit(VD))
        locatingVars(Init, Out);
    }
  for (const Stmt *C : S->children())
    locatingVars(C, Out);
}

class Builder {
public:
  Builder(ASTContext &Ctx, gir::Function &F, std::vector<gir::Diag> &Diags)
      : Ctx(Ctx), F(F), Diags(Diags), Policy(Ctx.getLangOpts()) {
    Policy.SuppressTagKeyword = true;
    Policy.Bool = true;
    Policy.SuppressUnwrittenScope = true;
  }

  bool build(const FunctionDecl *FD);
  /// For a callee's pullback: which parameters get adjoints.
  const std::vector<bool> *Mask = nullptr;

private:
  ASTContext &Ctx;
  gir::Function &F;
  std::vector<gir::Diag> &Diags;
  PrintingPolicy Policy;
  llvm::DenseMap<const VarDecl *, gir::Var *> VarMap;
  /// Local references and pointers that name other memory (`double &r =
  /// x[i];`, `const double *row = a + i * n;`): their uses are built from
  /// the expression they were bound to.
  llvm::DenseMap<const VarDecl *, const Expr *> Aliases;
  /// The compound statements being built, innermost last.
  std::vector<const CompoundStmt *> Compounds;
  llvm::StringSet<> Names;    ///< Taken by variables and non-locals.
  llvm::StringSet<> AllNames; ///< Every identifier in the body.
  gir::Var *Result = nullptr; ///< A struct result's parameter (callees).
  gir::Var *Self = nullptr;   ///< The object of a member function (callees).
  unsigned LoopDepth = 0;
  unsigned BlockDepth = 0;
  std::vector<gir::JumpTarget *> Breakables;
  std::vector<gir::JumpTarget *> Loops;
  gir::Loc NoGrad = 0; ///< The guard in force, if any.
  bool AllowVoidCall = false;
  bool Failed = false;

  static gir::Loc loc(SourceLocation L) { return L.getRawEncoding(); }

  std::nullptr_t error(SourceLocation L, const Twine &Msg) {
    Diags.push_back({gir::Diag::Error, loc(L), Msg.str()});
    Failed = true;
    return nullptr;
  }

  std::string spell(QualType T) const {
    return T.getCanonicalType().getUnqualifiedType().getAsString(Policy);
  }
  std::string print(const Stmt *S) const {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    S->printPretty(OS, nullptr, Policy);
    return OS.str();
  }

  /// A floating literal as the user wrote it (0.1, not the printer's
  /// 0.10000000000000001); from a macro, the shortest text that reads back
  /// as the same value.
  std::string floatText(const FloatingLiteral *FL) const {
    const SourceManager &SM = Ctx.getSourceManager();
    SourceLocation L = FL->getLocation();
    if (L.isFileID()) {
      StringRef Text = Lexer::getSourceText(
          CharSourceRange::getTokenRange(L), SM, Ctx.getLangOpts());
      if (!Text.empty())
        return Text.str();
    }
    const llvm::fltSemantics &Sem = FL->getSemantics();
    bool Single = &Sem == &llvm::APFloat::IEEEsingle();
    if (!Single && &Sem != &llvm::APFloat::IEEEdouble())
      return print(FL); // long double: the printer's text is exact enough.
    double D = Single ? FL->getValue().convertToFloat()
                      : FL->getValue().convertToDouble();
    for (int Digits = 1; Digits <= 17; ++Digits) {
      char Buf[64];
      std::snprintf(Buf, sizeof Buf, "%.*g", Digits, D);
      double Back = std::strtod(Buf, nullptr);
      if (Single ? static_cast<float>(Back) != static_cast<float>(D)
                 : Back != D)
        continue;
      std::string Out = Buf;
      if (Out.find_first_of(".e") == std::string::npos)
        Out += ".0"; // Still a floating literal.
      return Single ? Out + "F" : Out;
    }
    return print(FL);
  }

  std::string uniqueName(StringRef Want) {
    std::string Name = Want.str();
    for (unsigned N = 1; Names.count(Name); ++N)
      Name = (Want + "_" + Twine(N)).str();
    Names.insert(Name);
    return Name;
  }

  void collectNames(const Stmt *S);
  void setObject(gir::Var *V, QualType T, const ObjectInfo &OI) {
    OI.shapeInto(*V);
    V->FK = OI.OK == gir::Var::Struct ? gir::FloatKind::None : OI.FK;
    V->Aggregate = OI.OK == gir::Var::Struct && OI.hasFloat();
    V->Type = spell(T);
    if (OI.OK == gir::Var::StdArray)
      V->Dims = {OI.Size};
  }
  bool param(const ParmVarDecl *PVD, unsigned Index);
  /// With \p Copy, a reference variable becomes a copy (a range-for's
  /// `const T &` loop variable).
  gir::Var *localVar(const VarDecl *VD, bool Copy = false);
  bool alias(const VarDecl *VD, const DeclStmt *DS);
  /// The expression E names through an alias (E itself otherwise).
  const Expr *unalias(const Expr *E) const {
    while (true) {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      const Expr *Init = VD ? Aliases.lookup(VD) : nullptr;
      if (!Init)
        return E;
      E = Init;
    }
  }

  gir::Expr *expr(const Expr *E);
  gir::Expr *constant(std::string Text, QualType T, SourceLocation L);
  gir::Expr *varRef(gir::Var *V, SourceLocation L);
  gir::Expr *arrayElement(const Expr *Base, gir::Expr *Idx, QualType T,
                          SourceLocation L);
  gir::Expr *pointerOffset(const Expr *E, gir::Var *&Base);
  gir::Expr *call(const CallExpr *CE);
  gir::Expr *userCall(const CallExpr *CE, const FunctionDecl *Callee);
  gir::Expr *pointerArg(const Expr *E);
  gir::Expr *member(const MemberExpr *ME);
  gir::Expr *object(const Expr *E);
  gir::Expr *containerMethod(const CXXMemberCallExpr *MCE);
  gir::Expr *indexNode(gir::Expr *Base, gir::Expr *Idx, QualType T,
                       SourceLocation L) {
    gir::Expr *E = F.newExpr(gir::Expr::Index);
    E->Ops = {Base, Idx};
    E->Type = spell(T);
    E->FK = floatKind(T);
    E->Where = loc(L);
    return E;
  }
  gir::Expr *memberNode(gir::Expr *Base, const std::string &Path, QualType T,
                        bool Arrow) {
    gir::Expr *E = F.newExpr(gir::Expr::Member);
    E->Ops = {Base};
    E->Text = Path;
    E->Arrow = Arrow;
    E->Type = spell(T);
    E->FK = floatKind(T);
    return E;
  }
  bool copyObject(gir::Expr *To, gir::Expr *From, gir::Var *Shape,
                  SourceLocation L, std::vector<gir::Stmt *> &Out,
                  bool IsDecl);
  bool rangeFor(const CXXForRangeStmt *RF, std::vector<gir::Stmt *> &Out);
  gir::Expr *methodObject(const Expr *E);
  bool argsOfTest(const CallExpr *CE, unsigned First, gir::Expr *E);
  bool resultInto(gir::Expr *Call, gir::Expr *Dest, SourceLocation L,
                  std::vector<gir::Stmt *> &Out, bool Direct = false);
  bool initObject(gir::Var *V, QualType T, const Expr *Init,
                  std::vector<gir::Stmt *> &Out);
  bool initStruct(gir::Expr *Path, QualType T, const Expr *Init,
                  std::vector<gir::Stmt *> &Out);
  bool vecOp(gir::Var *V, StringRef Op, gir::Expr *Arg, gir::Expr *Fill,
             SourceLocation L, std::vector<gir::Stmt *> &Out) {
    gir::Stmt *S = F.newStmt(gir::Stmt::VecOp);
    S->LHS = varRef(V, L);
    S->Op = Op.str();
    S->RHS = Arg;
    S->Cond = Fill; // The fill value of an assign; null otherwise.
    S->Where = loc(L);
    if (NoGrad) {
      S->NoGrad = true;
      S->NoGradGuard = NoGrad;
    }
    Out.push_back(S);
    return true;
  }
  gir::Expr *lvalue(const Expr *E);

  bool stmt(const Stmt *S, std::vector<gir::Stmt *> &Out);
  bool block(const Stmt *S, std::vector<gir::Stmt *> &Out);
  bool declStmt(const DeclStmt *DS, std::vector<gir::Stmt *> &Out);
  bool exprStmt(const Expr *E, std::vector<gir::Stmt *> &Out);
  bool assign(gir::Expr *LHS, StringRef Op, gir::Expr *RHS, SourceLocation L,
              std::vector<gir::Stmt *> &Out, bool IsDecl = false);
  bool loop(const Stmt *Init, const Expr *Cond, const Stmt *Inc,
            const Stmt *Body, bool TestFirst, SourceLocation L,
            std::vector<gir::Stmt *> &Out);
  bool switchStmt(const SwitchStmt *SS, std::vector<gir::Stmt *> &Out);
  bool initArray(gir::Var *V, const Expr *Init, std::vector<gir::Stmt *> &Out);

  gir::Var *internalVar(StringRef Name, StringRef Type) {
    gir::Var *V = F.newVar();
    V->Name = uniqueName(Name);
    V->SourceName = V->Name;
    V->Type = Type.str();
    V->IsInternal = true;
    V->DeclaredInLoop = LoopDepth > 0;
    return V;
  }
  gir::Expr *binary(StringRef Op, gir::Expr *A, gir::Expr *B,
                    StringRef Type = "bool") {
    gir::Expr *E = F.newExpr(gir::Expr::Binary);
    E->Text = Op.str();
    E->Ops = {A, B};
    E->Type = Type.str();
    return E;
  }
  gir::Expr *ref(gir::Var *V) {
    gir::Expr *E = F.newExpr(gir::Expr::VarRef);
    E->V = V;
    E->Type = V->Type;
    E->FK = V->FK;
    return E;
  }
  gir::Expr *lit(StringRef Text, StringRef Type) {
    gir::Expr *E = F.newExpr(gir::Expr::Const);
    E->Text = Text.str();
    E->Type = Type.str();
    return E;
  }
};

/// Collects the names a generated name must not take: everything the body
/// refers to or declares. Non-local names also constrain the renaming of
/// locals (a local must not shadow a global the body uses).
void Builder::collectNames(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->isLocalVarDeclOrParm())
      Names.insert(DRE->getNameInfo().getAsString());
    AllNames.insert(DRE->getNameInfo().getAsString());
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *ND = dyn_cast<NamedDecl>(D))
        AllNames.insert(ND->getNameAsString());
  for (const Stmt *C : S->children())
    collectNames(C);
}

bool Builder::build(const FunctionDecl *FD) {
  F.Name = FD->getNameAsString();
  F.Where = loc(FD->getLocation());
  F.IsStatic = FD->getStorageClass() == SC_Static;
  for (const DeclContext *DC = FD->getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      F.Namespaces.insert(F.Namespaces.begin(),
                          NS->isAnonymousNamespace() ? "" : NS->getNameAsString());
      continue;
    }
    if (isa<LinkageSpecDecl>(DC))
      continue;
    // A callee's member function of a struct at namespace scope: its
    // pullback is a function beside the struct.
    if (Mask && isa<CXXRecordDecl>(DC) && isa<CXXMethodDecl>(FD) &&
        DC == cast<CXXMethodDecl>(FD)->getParent())
      continue;
    error(FD->getLocation(),
          "gradgen cannot differentiate '" + F.Name +
              "': member functions and local functions are not supported");
    return false;
  }
  if (FD->isTemplated() || (FD->isTemplateInstantiation() && !Mask)) {
    error(FD->getLocation(), "gradgen cannot differentiate '" + F.Name +
                                 "': function templates are not supported");
    return false;
  }
  if (FD->isVariadic()) {
    error(FD->getLocation(), "gradgen cannot differentiate '" + F.Name +
                                 "': variadic functions are not supported");
    return false;
  }
  QualType RT = FD->getReturnType();
  F.ReturnFK = floatKind(RT);
  F.ReturnType = spell(RT);
  F.ReturnsVoid = RT->isVoidType();
  // A callee returning a struct is differentiated as if the struct were an
  // out-parameter after the others (the caller passes its destination).
  ObjectInfo RI;
  bool StructResult = Mask &&
                      classifyObject(RT.getCanonicalType(), Policy, RI) &&
                      RI.OK == gir::Var::Struct;
  if (StructResult) {
    F.ReturnsVoid = true;
    F.ReturnType = "void";
  } else if (F.ReturnFK == gir::FloatKind::None && !F.ReturnsVoid) {
    error(FD->getReturnTypeSourceRange().getBegin().isValid()
              ? FD->getReturnTypeSourceRange().getBegin()
              : FD->getLocation(),
          "gradgen can only differentiate functions that return float, "
          "double, long double or void; '" +
              F.Name + "' returns '" + RT.getAsString(Policy) + "'");
    return false;
  }

  Names.insert(F.Name);
  for (const ParmVarDecl *PVD : FD->parameters())
    Names.insert(PVD->getNameAsString());
  collectNames(FD->getBody());
  // Reserve the adjoint names of the contract first.
  for (const ParmVarDecl *PVD : FD->parameters())
    if (!PVD->getName().empty())
      Names.insert("d_" + PVD->getNameAsString());

  // A member function's object: the first parameter, `self`.
  unsigned Base = 0;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && !MD->isStatic() && Mask) {
    QualType ST = Ctx.getRecordType(MD->getParent());
    ObjectInfo OI;
    if (!classifyObject(ST, Policy, OI) || OI.OK != gir::Var::Struct) {
      error(FD->getLocation(), "gradgen cannot differentiate '" + F.Name +
                                   "': member functions are supported on "
                                   "structs with public data members");
      return false;
    }
    gir::Var *V = F.newVar();
    V->IsParam = true;
    V->TopLevel = true;
    V->Where = loc(FD->getLocation());
    V->Name = V->SourceName = uniqueName("self");
    Names.insert("d_" + V->Name);
    setObject(V, ST, OI);
    V->K = gir::Var::ObjectRef;
    V->IsPointerToConst = MD->isConst();
    gir::Param P;
    P.V = V;
    P.Decl = std::string(MD->isConst() ? "const " : "") + spell(ST) + " &" +
             V->Name;
    P.Active = (*Mask)[0] && V->isFloating();
    F.Params.push_back(P);
    Self = V;
    Base = 1;
  }
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (!param(FD->getParamDecl(I), I + Base))
      return false;
  if (StructResult) {
    gir::Var *V = F.newVar();
    V->IsParam = true;
    V->TopLevel = true;
    V->Where = loc(FD->getLocation());
    V->Name = V->SourceName = uniqueName("result");
    Names.insert("d_" + V->Name);
    QualType ST = RT.getCanonicalType().getUnqualifiedType();
    setObject(V, ST, RI);
    V->K = gir::Var::ObjectRef;
    gir::Param P;
    P.V = V;
    P.Decl = spell(ST) + " &" + V->Name;
    P.Active = (*Mask)[Base + FD->getNumParams()] && V->isFloating();
    F.Params.push_back(P);
    Result = V;
  }

  if (!F.ReturnsVoid) {
    F.Ret = internalVar("_ret", F.ReturnType);
    F.Ret->FK = F.ReturnFK;
    F.Ret->TopLevel = true;
  }

  BlockDepth = 0;
  if (!block(FD->getBody(), F.Body))
    return false;
  for (const auto &N : Names)
    F.UsedNames.push_back(N.getKey().str());
  for (const auto &N : AllNames)
    F.UsedNames.push_back(N.getKey().str());
  std::sort(F.UsedNames.begin(), F.UsedNames.end());
  return !Failed;
}

bool Builder::param(const ParmVarDecl *PVD, unsigned Index) {
  gir::Param P;
  gir::Var *V = F.newVar();
  V->IsParam = true;
  V->TopLevel = true;
  V->Where = loc(PVD->getLocation());
  V->SourceName = PVD->getNameAsString();
  V->Name = V->SourceName.empty() ? uniqueName("arg" + std::to_string(Index))
                                  : V->SourceName;
  V->IsConstParam = hasAnnotation(PVD, ConstMarker);
  QualType T = PVD->getType().getCanonicalType();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  PVD->getType().print(OS, Policy, V->Name);
  P.Decl = OS.str();

  ObjectInfo OI;
  QualType Under = T->isReferenceType() ? T->getPointeeType() : T;
  if (!T->isPointerType() && classifyObject(Under, Policy, OI)) {
    V->K = T->isReferenceType() ? gir::Var::ObjectRef : gir::Var::Object;
    setObject(V, Under, OI);
    V->IsPointerToConst = Under.isConstQualified();
  } else if (T->isPointerType() &&
             classifyObject(T->getPointeeType(), Policy, OI) &&
             OI.OK == gir::Var::Struct) {
    V->K = gir::Var::PointerParam;
    setObject(V, T->getPointeeType(), OI);
    V->OK = gir::Var::NotObject; // Elements are structs.
    V->IsPointerToConst = T->getPointeeType().isConstQualified();
  } else if (T->isReferenceType()) {
    QualType Pointee = T->getPointeeType();
    V->K = gir::Var::RefParam;
    V->FK = floatKind(Pointee);
    V->Type = spell(Pointee);
    V->IsPointerToConst = Pointee.isConstQualified();
    if (V->FK == gir::FloatKind::None && !isIntegral(Pointee))
      return error(PVD->getLocation(),
                   "parameter '" + V->SourceName + "' of type '" +
                       PVD->getType().getAsString(Policy) +
                       "' is not supported yet"),
             false;
  } else if (T->isPointerType()) {
    QualType Pointee = T->getPointeeType();
    V->K = gir::Var::PointerParam;
    V->FK = floatKind(Pointee);
    V->Type = spell(Pointee);
    V->IsPointerToConst = Pointee.isConstQualified();
    if (V->FK == gir::FloatKind::None && !isIntegral(Pointee))
      return error(PVD->getLocation(),
                   "parameter '" + V->SourceName + "' of type '" +
                       PVD->getType().getAsString(Policy) +
                       "' is not supported yet"),
             false;
  } else if (T->isIntegralOrEnumerationType() || floatKind(T) !=
                                                     gir::FloatKind::None) {
    V->K = gir::Var::Scalar;
    V->FK = floatKind(T);
    V->Type = spell(T);
  } else {
    return error(PVD->getLocation(),
                 "parameter '" + V->SourceName + "' of type '" +
                     PVD->getType().getAsString(Policy) +
                     "' is not supported yet"),
           false;
  }
  P.V = V;
  P.Active = Mask ? (*Mask)[Index] && V->isFloating()
               : V->isFloating() && !V->IsConstParam;
  VarMap[PVD] = V;
  F.Params.push_back(P);
  return true;
}

gir::Var *Builder::localVar(const VarDecl *VD, bool Copy) {
  if (VD->isStaticLocal() || VD->hasExternalStorage() || VD->getTLSKind())
    return error(VD->getLocation(), "static, extern and thread_local local "
                                    "variables are not supported");
  QualType T = VD->getType().getCanonicalType();
  if (Copy)
    T = T.getNonReferenceType().getUnqualifiedType();
  gir::Var *V = F.newVar();
  V->SourceName = VD->getNameAsString();
  V->Name = uniqueName(V->SourceName);
  V->Where = loc(VD->getLocation());
  V->DeclaredInLoop = LoopDepth > 0;
  V->TopLevel = BlockDepth == 1;
  if (const auto *AT = dyn_cast<ConstantArrayType>(T.getTypePtr())) {
    V->K = gir::Var::Array;
    QualType Elem = T;
    while (const auto *CAT = dyn_cast<ConstantArrayType>(Elem.getTypePtr())) {
      V->Dims.push_back(CAT->getSize().getZExtValue());
      Elem = CAT->getElementType().getCanonicalType();
    }
    (void)AT;
    V->FK = floatKind(Elem);
    V->Type = spell(Elem);
    ObjectInfo OI;
    if (V->FK == gir::FloatKind::None && classifyObject(Elem, Policy, OI) &&
        OI.OK == gir::Var::Struct) {
      V->Aggregate = OI.hasFloat();
      gir::Var::ObjectKind Kind = V->OK;
      OI.shapeInto(*V);
      V->OK = Kind; // An array of structs, not a struct.
    } else if (V->FK == gir::FloatKind::None && !isIntegral(Elem))
      return error(VD->getLocation(), "local arrays of '" +
                                          Elem.getAsString(Policy) +
                                          "' are not supported yet");
  } else if (ObjectInfo OI; classifyObject(T, Policy, OI)) {
    V->K = gir::Var::Object;
    setObject(V, T, OI);
  } else if (T->isReferenceType()) {
    return error(VD->getLocation(),
                 "local references are not supported yet; use a copy or "
                 "index the array directly");
  } else if (T->isPointerType()) {
    return error(VD->getLocation(),
                 "local pointer variables are not supported yet; index the "
                 "parameter directly");
  } else if (floatKind(T) != gir::FloatKind::None || isIntegral(T)) {
    V->FK = floatKind(T);
    V->Type = spell(T);
  } else {
    return error(VD->getLocation(), "local variables of type '" +
                                        VD->getType().getAsString(Policy) +
                                        "' are not supported yet");
  }
  VarMap[VD] = V;
  return V;
}

/// `double &r = x[i];` or `const double *row = a + i * n;`: r and row name
/// memory gradgen already tracks, and every use is built as the expression
/// they were bound to. That is exact only while the binding would name the
/// same memory: nothing may change what locates it (i, a, n here) from the
/// declaration to the last use, nor re-seat the pointer.
bool Builder::alias(const VarDecl *VD, const DeclStmt *DS) {
  const Expr *Init = VD->getInit();
  std::string Kind = VD->getType()->isReferenceType() ? "reference"
                                                      : "pointer";
  const Expr *Target = unalias(Init)->IgnoreParenImpCasts();
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(Target);
  bool Data = MCE && MCE->getMethodDecl() &&
              MCE->getMethodDecl()->getName() == "data"; // v.data()
  if (isa<CallExpr>(Target) && !isa<CXXOperatorCallExpr>(Target) && !Data) {
    error(Init->getExprLoc(), "a local " + Kind +
                                  " bound to a call's result is not "
                                  "supported; use a copy");
    return false;
  }
  // The statements that may use the alias: the rest of the block.
  std::vector<const Stmt *> Rest;
  bool Found = false;
  if (!Compounds.empty()) {
    for (const Stmt *C : Compounds.back()->body()) {
      if (Found)
        Rest.push_back(C);
      else
        Found = C == DS;
    }
  }
  if (!Found) {
    error(VD->getLocation(), "a local " + Kind +
                                 " declared outside a block's statements "
                                 "is not supported");
    return false;
  }
  while (!Rest.empty() && !mentionsDecl(Rest.back(), VD))
    Rest.pop_back();
  // Everything the binding mentions may decide what it names, except the
  // array or object whose part it names: writing other parts of that does
  // not move it (`double &r = u[i]; u[j] = 0;`), and it cannot be re-seated.
  // A pointer can, and so is kept.
  std::set<const VarDecl *> Locating;
  locatingVars(Init, Locating);
  if (const VarDecl *Root = memoryRoot(Init)) {
    QualType RT = Root->getType().getNonReferenceType();
    if (RT->isArrayType() || RT->isRecordType() ||
        (RT->isRealFloatingType() && VD->getType()->isReferenceType()))
      Locating.erase(Root);
  }
  for (const VarDecl *L : Locating)
    if (L->hasGlobalStorage() && !L->getType().isConstQualified()) {
      error(VD->getLocation(),
            "local " + Kind + " '" + VD->getNameAsString() +
                "' bound with the global '" + L->getNameAsString() +
                "' is not supported: a call could change it");
      return false;
    }
  auto Refuse = [&](const DeclRefExpr *At, const VarDecl *Changed,
                    const std::string &Why) {
    error(VD->getLocation(),
          "local " + Kind + " '" + VD->getNameAsString() + "' " + Why +
              ": gradgen supports local " + Kind +
              "s that keep naming the memory they were bound to");
    std::string Via = At->getDecl() == Changed
                          ? ""
                          : " (through '" +
                                At->getDecl()->getNameAsString() + "')";
    Diags.push_back({gir::Diag::Note, loc(At->getLocation()),
                     "'" + Changed->getNameAsString() + "' may change here" +
                         Via});
    return false;
  };
  for (const Stmt *C : Rest) {
    if (VD->getType()->isPointerType())
      if (const DeclRefExpr *At = changesVar(C, VD))
        return Refuse(At, VD, "is changed after its declaration");
    for (const VarDecl *L : Locating)
      if (const DeclRefExpr *At = changesVar(C, L))
        return Refuse(At, L,
                      "is used after '" + L->getNameAsString() +
                          "', which decides what it names, may change");
  }
  Aliases[VD] = Init;
  AllNames.insert(VD->getNameAsString());
  return true;
}

gir::Expr *Builder::constant(std::string Text, QualType T, SourceLocation L) {
  gir::Expr *E = F.newExpr(gir::Expr::Const);
  E->Text = std::move(Text);
  E->Type = spell(T);
  E->FK = floatKind(T);
  E->Where = loc(L);
  return E;
}

gir::Expr *Builder::varRef(gir::Var *V, SourceLocation L) {
  gir::Expr *E = ref(V);
  E->Where = loc(L);
  return E;
}

/// Resolves a pointer-valued expression to a variable plus an integer
/// offset (null for none).
gir::Expr *Builder::pointerOffset(const Expr *E, gir::Var *&Base) {
  E = unalias(E)->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    gir::Var *V = VD ? VarMap.lookup(VD) : nullptr;
    if (!V || !V->isArrayLike() || (V->K == gir::Var::Array &&
                                    V->Dims.size() != 1))
      return error(E->getExprLoc(), "this pointer expression is not "
                                    "supported: index a parameter or a "
                                    "one-dimensional local array"),
             nullptr;
    Base = V;
    return nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    // &p[i] is p + i; &v[i] on a std::vector or std::array too.
    const Expr *Sub = unalias(UO->getSubExpr())->IgnoreParenImpCasts();
    const Expr *Arr = nullptr, *Idx = nullptr;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Sub);
        ASE && ASE->getBase()->getType()->isPointerType()) {
      Arr = ASE->getBase();
      Idx = ASE->getIdx();
    } else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(Sub);
               OCE && OCE->getOperator() == OO_Subscript &&
               OCE->getNumArgs() == 2) {
      Arr = OCE->getArg(0);
      Idx = OCE->getArg(1);
    }
    if (Arr) {
      gir::Expr *Inner = pointerOffset(Arr, Base);
      if (Failed)
        return nullptr;
      gir::Expr *Off = expr(Idx);
      if (!Off)
        return nullptr;
      return Inner ? binary("+", Inner, Off, Off->Type) : Off;
    }
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
      MCE && MCE->getMethodDecl() &&
      MCE->getMethodDecl()->getName() == "data" && MCE->getNumArgs() == 0)
    return pointerOffset(MCE->getImplicitObjectArgument(), Base); // v.data()
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Add || BO->getOpcode() == BO_Sub) {
      const Expr *P = BO->getLHS(), *I = BO->getRHS();
      if (!P->getType()->isPointerType() && !P->getType()->isArrayType())
        std::swap(P, I);
      if (BO->getOpcode() == BO_Sub && P != BO->getLHS())
        return error(BO->getExprLoc(), "unsupported pointer arithmetic");
      gir::Expr *Inner = pointerOffset(P, Base);
      if (Failed)
        return nullptr;
      gir::Expr *Off = expr(I);
      if (!Off)
        return nullptr;
      std::string Op = BO->getOpcode() == BO_Add ? "+" : "-";
      if (!Inner)
        return Op == "+" ? Off
                         : [&] {
                             gir::Expr *N = F.newExpr(gir::Expr::Unary);
                             N->Text = "-";
                             N->Ops = {Off};
                             N->Type = Off->Type;
                             return N;
                           }();
      return binary(Op, Inner, Off, Off->Type);
    }
  }
  return error(E->getExprLoc(), "this pointer expression is not supported: "
                                "index a parameter or a local array"),
         nullptr;
}

gir::Expr *Builder::arrayElement(const Expr *Base, gir::Expr *Idx, QualType T,
                                 SourceLocation L) {
  const Expr *B = unalias(Base)->IgnoreParenImpCasts();
  gir::Expr *Arr = nullptr;
  if (const auto *Inner = dyn_cast<ArraySubscriptExpr>(B)) {
    // a[i][j] on a multi-dimensional local array.
    gir::Expr *InnerIdx = expr(Inner->getIdx());
    if (!InnerIdx)
      return nullptr;
    Arr = arrayElement(Inner->getBase(), InnerIdx, Inner->getType(),
                       Inner->getExprLoc());
    if (!Arr)
      return nullptr;
  } else if (isa<MemberExpr>(B) || isa<CXXOperatorCallExpr>(B)) {
    // An array member of a struct, or an element of a container.
    Arr = expr(B);
    if (!Arr)
      return nullptr;
  } else {
    gir::Var *V = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(B))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        V = VarMap.lookup(VD);
    if (V && V->isArrayLike()) {
      Arr = varRef(V, B->getExprLoc());
    } else {
      gir::Var *PV = nullptr;
      gir::Expr *Off = pointerOffset(B, PV);
      if (Failed)
        return nullptr;
      Arr = varRef(PV, B->getExprLoc());
      if (Off)
        Idx = binary("+", Off, Idx, Idx->Type);
    }
  }
  gir::Expr *E = F.newExpr(gir::Expr::Index);
  E->Ops = {Arr, Idx};
  E->Type = spell(T);
  E->FK = floatKind(T);
  E->Where = loc(L);
  ObjectInfo OI;
  if (E->FK == gir::FloatKind::None && !isIntegral(T) && !T->isArrayType() &&
      !classifyObject(T, Policy, OI))
    return error(L, "elements of type '" + T.getAsString(Policy) +
                        "' are not supported");
  return E;
}

gir::Expr *Builder::call(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee)
    return error(CE->getExprLoc(),
                 "calls through function pointers or virtual calls are not "
                 "supported: gradgen cannot know the function called");
  std::string Qual = Callee->getQualifiedNameAsString();
  if (Qual == "gradgen::detach") {
    if (CE->getNumArgs() != 1)
      return error(CE->getExprLoc(), "gradgen::detach takes one argument");
    gir::Expr *Arg = expr(CE->getArg(0));
    if (!Arg)
      return nullptr;
    gir::Expr *E = F.newExpr(gir::Expr::Detach);
    E->Ops = {Arg};
    E->Type = spell(CE->getType());
    E->FK = floatKind(CE->getType());
    E->Where = loc(CE->getBeginLoc());
    return E;
  }
  if ((Qual == "std::max" || Qual == "std::min") && CE->getNumArgs() == 2 &&
      floatKind(CE->getType().getNonReferenceType()) != gir::FloatKind::None) {
    // std::max(a, b) is (a < b) ? b : a; std::min(a, b) is (b < a) ? b : a.
    gir::Expr *A = expr(CE->getArg(0));
    gir::Expr *B = A ? expr(CE->getArg(1)) : nullptr;
    if (!B)
      return nullptr;
    gir::Expr *R = F.newExpr(gir::Expr::Cond);
    QualType T = CE->getType().getNonReferenceType();
    R->Ops = {Qual == "std::max" ? binary("<", A, B) : binary("<", B, A), B,
              A};
    R->Type = spell(T);
    R->FK = floatKind(T);
    R->Where = loc(CE->getExprLoc());
    return R;
  }
  std::string Base;
  if (isStdOrGlobal(Callee))
    Base = mathBase(Callee->getName());
  if (Base == "abs" && floatKind(CE->getType()) != gir::FloatKind::None)
    Base = "fabs";
  if (Base.empty() || Base == "abs" ||
      floatKind(CE->getType()) == gir::FloatKind::None)
    return userCall(CE, Callee);
  gir::Expr *E = F.newExpr(gir::Expr::Call);
  E->Fn = Base;
  // Print the callee as the user reached it: std:: overloads keep their
  // float/long double versions, global C functions stay global.
  const DeclContext *DC = Callee->getDeclContext();
  while (DC->isInlineNamespace() || isa<LinkageSpecDecl>(DC))
    DC = DC->getParent();
  E->Text = DC->isTranslationUnit() ? Callee->getNameAsString()
                                    : "std::" + Callee->getNameAsString();
  E->Type = spell(CE->getType());
  E->FK = floatKind(CE->getType());
  E->Where = loc(CE->getExprLoc());
  for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
    gir::Expr *A = expr(CE->getArg(I));
    if (!A)
      return nullptr;
    E->Ops.push_back(A);
  }
  return E;
}

/// If every use of the pointer parameter P in Body is p[i] inside
/// `for (int i = 0; i < n; ++i)` (i and n unchanged in the loop, n an
/// integer parameter taken by value and never changed), the index of n among
/// FD's parameters; -1 otherwise. Then a call touches p[0] .. p[n - 1].
int pointerExtent(const FunctionDecl *FD, const ParmVarDecl *P) {
  const Stmt *Body = FD->getBody();
  int Extent = -1;
  bool Ok = true;
  std::vector<const ForStmt *> Loops;
  // The for loop that counts I from 0 up to an integer parameter: that
  // parameter's index, or -1.
  auto CountsTo = [&](const VarDecl *I) -> int {
    for (auto It = Loops.rbegin(); It != Loops.rend(); ++It) {
      const ForStmt *FS = *It;
      const VarDecl *LV = nullptr;
      if (const auto *DS = dyn_cast_or_null<DeclStmt>(FS->getInit()))
        if (DS->isSingleDecl())
          LV = dyn_cast<VarDecl>(DS->getSingleDecl());
      if (LV != I || !LV->getInit())
        continue;
      Expr::EvalResult Zero;
      if (!LV->getInit()->EvaluateAsInt(Zero, FD->getASTContext()) ||
          Zero.Val.getInt() != 0)
        return -1;
      const auto *Cond = dyn_cast_or_null<BinaryOperator>(
          FS->getCond() ? FS->getCond()->IgnoreParenImpCasts() : nullptr);
      if (!Cond || Cond->getOpcode() != BO_LT)
        return -1;
      const auto *L = dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
      const auto *R = dyn_cast<DeclRefExpr>(Cond->getRHS()->IgnoreParenImpCasts());
      const auto *N = R ? dyn_cast<ParmVarDecl>(R->getDecl()) : nullptr;
      if (!L || L->getDecl() != I || !N ||
          !N->getType()->isIntegerType() || changesVar(Body, N))
        return -1;
      const auto *Inc = dyn_cast_or_null<UnaryOperator>(
          FS->getInc() ? FS->getInc()->IgnoreParenImpCasts() : nullptr);
      if (!Inc || !Inc->isIncrementOp() || changesVar(FS->getBody(), I))
        return -1;
      for (unsigned K = 0; K < FD->getNumParams(); ++K)
        if (FD->getParamDecl(K) == N)
          return static_cast<int>(K);
      return -1;
    }
    return -1;
  };
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || !Ok)
      return;
    if (const auto *FS = dyn_cast<ForStmt>(S)) {
      Walk(FS->getInit());
      Walk(FS->getCond());
      Walk(FS->getInc());
      Loops.push_back(FS);
      Walk(FS->getBody());
      Loops.pop_back();
      return;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(S)) {
      const auto *B = dyn_cast<DeclRefExpr>(ASE->getBase()->IgnoreParenImpCasts());
      if (B && B->getDecl() == P) {
        const auto *I = dyn_cast<DeclRefExpr>(ASE->getIdx()->IgnoreParenImpCasts());
        const auto *IV = I ? dyn_cast<VarDecl>(I->getDecl()) : nullptr;
        int N = IV ? CountsTo(IV) : -1;
        if (N < 0 || (Extent >= 0 && N != Extent))
          Ok = false;
        Extent = N;
        return;
      }
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == P) {
      Ok = false; // Any other use: pointer arithmetic, a call, an alias.
      return;
    }
    for (const Stmt *C : S->children())
      Walk(C);
  };
  Walk(Body);
  return Ok ? Extent : -1;
}

/// How a function uses a parameter through which it may read or write.
void scanParamUse(const Stmt *S, const ParmVarDecl *P, bool &Reads,
                  bool &Writes) {
  if (!S)
    return;
  auto Based = [&](const Expr *E) {
    // Is E (an lvalue) an element of, or P itself?
    E = E->IgnoreParenImpCasts();
    while (true) {
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
        E = ASE->getBase()->IgnoreParenImpCasts();
      else if (const auto *ME = dyn_cast<MemberExpr>(E))
        E = ME->getBase()->IgnoreParenImpCasts();
      else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
               OCE && OCE->getOperator() == OO_Subscript)
        E = OCE->getArg(0)->IgnoreParenImpCasts();
      else if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E))
        E = MCE->getImplicitObjectArgument()->IgnoreParenImpCasts();
      else if (const auto *UO = dyn_cast<UnaryOperator>(E);
               UO && UO->getOpcode() == UO_Deref)
        E = UO->getSubExpr()->IgnoreParenImpCasts();
      else if (const auto *BO = dyn_cast<BinaryOperator>(E);
               BO && BO->isAdditiveOp())
        E = BO->getLHS()->getType()->isPointerType()
                ? BO->getLHS()->IgnoreParenImpCasts()
                : BO->getRHS()->IgnoreParenImpCasts();
      else if (const auto *DRE = dyn_cast<DeclRefExpr>(E);
               DRE && aliasInit(DRE->getDecl()))
        E = aliasInit(DRE->getDecl())->IgnoreParenImpCasts();
      else
        break;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE && DRE->getDecl() == P;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && Based(BO->getLHS())) {
    Writes = true;
    if (BO->isCompoundAssignmentOp())
      Reads = true;
    // Indices inside the left side are reads of other things.
    scanParamUse(BO->getRHS(), P, Reads, Writes);
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->isIncrementDecrementOp() && Based(UO->getSubExpr())) {
    Writes = Reads = true;
    return;
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S);
      MCE && Based(MCE->getImplicitObjectArgument()) && MCE->getMethodDecl() &&
      !MCE->getMethodDecl()->isConst())
    Writes = true;
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S);
      OCE && OCE->isAssignmentOp() && OCE->getNumArgs() > 0 &&
      Based(OCE->getArg(0)))
    Writes = true;
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    for (const Expr *A : CE->arguments())
      if (A->getType()->isPointerType() || A->isLValue())
        if (Based(A) && !(A->getType()->isPointerType() &&
                          A->getType()->getPointeeType().isConstQualified()))
          Writes = true;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (DRE->getDecl() == P)
      Reads = true;
  for (const Stmt *C : S->children())
    scanParamUse(C, P, Reads, Writes);
}

/// An argument passed to a pointer parameter: an array-like variable plus
/// an offset.
gir::Expr *Builder::pointerArg(const Expr *E) {
  if (const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
      UO && UO->getOpcode() == UO_AddrOf) {
    // &x, &a[i], &s.m: the address of one object.
    gir::Expr *L = lvalue(UO->getSubExpr());
    if (!L) {
      ObjectInfo OI;
      if (!Failed || !classifyObject(UO->getSubExpr()->getType(), Policy, OI))
        return nullptr;
      Failed = false;
      Diags.pop_back();
      L = object(UO->getSubExpr());
      if (!L)
        return nullptr;
    }
    gir::Expr *P = F.newExpr(gir::Expr::Pointer);
    P->Ops = {L, nullptr};
    P->Implicit = true; // An address taken, not an array.
    P->Type = L->Type;
    P->Where = loc(E->getExprLoc());
    return P;
  }
  gir::Var *Base = nullptr;
  gir::Expr *Off = pointerOffset(E, Base);
  if (Failed)
    return nullptr;
  gir::Expr *P = F.newExpr(gir::Expr::Pointer);
  P->Ops = {varRef(Base, E->getExprLoc()), Off};
  P->Type = Base->Type;
  P->Where = loc(E->getExprLoc());
  return P;
}

/// An object (struct or container) used as a whole: a variable, an element
/// of an array of structs, a member.
gir::Expr *Builder::object(const Expr *E) {
  const Expr *S = unalias(E)->IgnoreParenImpCasts();
  // A copy passed by value: the object copied.
  while (true) {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S);
        CE && CE->getNumArgs() == 1 &&
        CE->getConstructor()->isCopyOrMoveConstructor())
      S = CE->getArg(0)->IgnoreParenImpCasts();
    else if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
      S = EWC->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(S))
      S = MTE->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(S))
      S = BTE->getSubExpr()->IgnoreParenImpCasts();
    else
      break;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    gir::Var *V = VD ? VarMap.lookup(VD) : nullptr;
    if (!V || (V->K != gir::Var::Object && V->K != gir::Var::ObjectRef &&
               V->K != gir::Var::Array))
      return error(S->getExprLoc(), "this object is not supported here");
    return varRef(V, S->getExprLoc());
  }
  if (isa<MemberExpr, ArraySubscriptExpr, CXXOperatorCallExpr>(S))
    return expr(S);
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->getOpcode() == UO_Deref) {
    if (Self && isa<CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
      return varRef(Self, S->getExprLoc()); // *this
    return expr(S);
  }
  if (isa<CallExpr>(S)) {
    // A struct a call returns (a temporary the engine names).
    gir::Expr *X = expr(S);
    if (X && !(X->K == gir::Expr::UserCall && X->Fun->ResultOut))
      return error(S->getExprLoc(), "this object expression is not supported");
    return X;
  }
  return error(S->getExprLoc(), "this object expression is not supported");
}

gir::Expr *Builder::member(const MemberExpr *ME) {
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD)
    return error(ME->getExprLoc(), "only data members are supported");
  std::string Name = FD->getNameAsString();
  QualType T = ME->getType();
  if (ME->isArrow() && Self &&
      isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
    // x or this->x in a member function: self.x.
    gir::Expr *M = memberNode(varRef(Self, ME->getBase()->getExprLoc()),
                              "." + Name, T, false);
    M->Where = loc(ME->getMemberLoc());
    return M;
  }
  if (ME->isArrow()) {
    gir::Var *Base = nullptr;
    gir::Expr *Off = pointerOffset(ME->getBase(), Base);
    if (Failed)
      return nullptr;
    gir::Expr *B = varRef(Base, ME->getBase()->getExprLoc());
    if (!Off) {
      gir::Expr *M = memberNode(B, "->" + Name, T, true);
      M->Where = loc(ME->getMemberLoc());
      return M;
    }
    B = indexNode(B, Off, ME->getBase()->getType()->getPointeeType(),
                  ME->getExprLoc());
    gir::Expr *M = memberNode(B, "." + Name, T, false);
    M->Where = loc(ME->getMemberLoc());
    return M;
  }
  gir::Expr *B = object(ME->getBase());
  if (!B)
    return nullptr;
  gir::Expr *M = memberNode(B, "." + Name, T, false);
  M->Where = loc(ME->getMemberLoc());
  return M;
}

/// size(), empty(), at(i), front(), back() of a std::vector or std::array.
/// Returns null without an error for other calls.
gir::Expr *Builder::containerMethod(const CXXMemberCallExpr *MCE) {
  const CXXMethodDecl *MD = MCE->getMethodDecl();
  if (!MD)
    return nullptr;
  ObjectInfo OI;
  QualType OT = MCE->getObjectType();
  if (!classifyObject(OT, Policy, OI) || OI.OK == gir::Var::Struct)
    return nullptr;
  std::string Name = MD->getNameAsString();
  gir::Expr *Obj = object(MCE->getImplicitObjectArgument());
  if (!Obj)
    return nullptr;
  QualType T = MCE->getType();
  if (Name == "size" || Name == "empty") {
    gir::Expr *E = F.newExpr(gir::Expr::Method);
    E->Ops = {Obj};
    E->Text = "." + Name;
    E->Type = spell(T);
    E->Where = loc(MCE->getExprLoc());
    return E;
  }
  if (Name == "at" && MCE->getNumArgs() == 1) {
    gir::Expr *Idx = expr(MCE->getArg(0));
    return Idx ? indexNode(Obj, Idx, T.getNonReferenceType(),
                           MCE->getExprLoc())
               : nullptr;
  }
  if (Name == "front" || Name == "back") {
    gir::Expr *Idx = lit("0", "std::size_t");
    if (Name == "back") {
      gir::Expr *Size = F.newExpr(gir::Expr::Method);
      Size->Ops = {Obj};
      Size->Text = ".size";
      Size->Type = "std::size_t";
      Idx = binary("-", Size, lit("1", "int"), "std::size_t");
    }
    return indexNode(Obj, Idx, T.getNonReferenceType(), MCE->getExprLoc());
  }
  return error(MCE->getExprLoc(), "the member function '" + Name +
                                      "' is not supported here");
}

/// To = From for a whole struct, leaf by leaf.
bool Builder::copyObject(gir::Expr *To, gir::Expr *From, gir::Var *Shape,
                         SourceLocation L, std::vector<gir::Stmt *> &Out,
                         bool IsDecl) {
  if (From->K == gir::Expr::UserCall && From->Fun->ResultOut)
    return resultInto(From, To, L, Out);
  if (Shape->OK != gir::Var::Struct) {
    error(L, "copying a whole " + std::string(Shape->OK == gir::Var::Vector
                                                  ? "std::vector"
                                                  : "std::array") +
                 " is not supported yet; copy its elements");
    return false;
  }
  for (size_t I = 0; I < Shape->Leaves.size(); ++I) {
    gir::Expr *A = F.newExpr(gir::Expr::Member);
    A->Ops = {To};
    A->Text = Shape->Leaves[I];
    gir::Expr *B = F.newExpr(gir::Expr::Member);
    B->Ops = {From};
    B->Text = Shape->Leaves[I];
    A->FK = B->FK = Shape->LeafFK[I];
    A->Type = B->Type = Shape->LeafType[I];
    if (!assign(A, "=", B, L, Out, IsDecl))
      return false;
  }
  return true;
}

static bool mentionsVar(const gir::Expr *E, const gir::Var *V) {
  if (!E)
    return false;
  if (E->K == gir::Expr::VarRef && E->V == V)
    return true;
  for (const gir::Expr *O : E->Ops)
    if (mentionsVar(O, V))
      return true;
  return false;
}

/// The object a member function is called on: an object expression, `this`
/// (a member function calling another), or a pointer (`p->m()`, `p[0]`).
gir::Expr *Builder::methodObject(const Expr *E) {
  const Expr *S = unalias(E)->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(S)) {
    if (!Self)
      return error(S->getExprLoc(), "'this' is not supported here");
    return varRef(Self, S->getExprLoc());
  }
  if (!S->getType()->isPointerType())
    return object(E);
  gir::Var *Base = nullptr;
  gir::Expr *Off = pointerOffset(S, Base);
  if (Failed)
    return nullptr;
  return indexNode(varRef(Base, S->getExprLoc()),
                   Off ? Off : lit("0", "int"), S->getType()->getPointeeType(),
                   S->getExprLoc());
}

/// `Dest = f(...)` for f returning a struct: the call statement with Dest
/// as its result's argument.
bool Builder::resultInto(gir::Expr *Call, gir::Expr *Dest, SourceLocation L,
                         std::vector<gir::Stmt *> &Out, bool Direct) {
  assert(Call->Ops.size() + 1 == Call->Fun->Params.size() &&
         "a struct result with a destination already");
  gir::Expr *Root = Dest;
  while (Root && Root->K != gir::Expr::VarRef)
    Root = Root->Ops.empty() ? nullptr : Root->Ops[0];
  // After a no_grad guard too: the temporary carries no gradient, and the
  // copy into Dest is what no_grad cuts.
  bool Overlaps = !Root || NoGrad;
  for (gir::Expr *A : Call->Ops)
    Overlaps |= Root && mentionsVar(A, Root->V);
  if (Overlaps && !Direct) {
    // d = f(d, b): the result goes to a temporary first, so that the
    // callee's parameters and its result never share memory.
    gir::Var *T = internalVar("_" + Call->Fun->Ident,
                              Call->Fun->ResultShape.Type);
    std::string Name = T->Name;
    *T = Call->Fun->ResultShape;
    T->Name = T->SourceName = Name;
    T->IsInternal = true;
    T->DeclaredInLoop = LoopDepth > 0;
    gir::Stmt *D = F.newStmt(gir::Stmt::Decl);
    D->V = T;
    D->Where = loc(L);
    Out.push_back(D);
    if (!resultInto(Call, varRef(T, L), L, Out, /*Direct=*/true))
      return false;
    return copyObject(Dest, varRef(T, L), T, L, Out, false);
  }
  Call->Ops.push_back(Dest);
  gir::Stmt *S = F.newStmt(gir::Stmt::Call);
  S->RHS = Call;
  S->Where = loc(L);
  if (NoGrad) {
    S->NoGrad = true;
    S->NoGradGuard = NoGrad;
  }
  Out.push_back(S);
  return true;
}

/// Member-by-member initialization of a struct at Path from Init (an
/// initializer list, a copy, or nothing: zeros).
bool Builder::initStruct(gir::Expr *Path, QualType T, const Expr *Init,
                         std::vector<gir::Stmt *> &Out) {
  T = T.getCanonicalType();
  const Expr *I = Init ? Init->IgnoreParenImpCasts() : nullptr;
  // S{...} and S(...) as a value: the list or the copy inside.
  if (const auto *FC = dyn_cast_or_null<CXXFunctionalCastExpr>(I))
    I = FC->getSubExpr()->IgnoreParenImpCasts();
  if (I && isa<ImplicitValueInitExpr>(I))
    I = nullptr;
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(I)) {
    if (CE->getNumArgs() == 0)
      I = nullptr; // Value-initialized: zeros.
    else if (CE->getNumArgs() == 1 &&
             CE->getConstructor()->isCopyOrMoveConstructor()) {
      ObjectInfo OI;
      classifyObject(T, Policy, OI);
      gir::Var Shape;
      OI.shapeInto(Shape);
      gir::Expr *From = object(CE->getArg(0));
      return From && copyObject(Path, From, &Shape, CE->getExprLoc(), Out,
                                false);
    } else {
      error(CE->getExprLoc(), "this constructor is not supported");
      return false;
    }
  }
  if (I && isa<CallExpr>(I) && T->isRecordType()) {
    // S s = f(...): f's result goes straight into s.
    gir::Expr *From = object(I);
    if (!From)
      return false;
    if (From->K == gir::Expr::UserCall)
      return resultInto(From, Path, I->getExprLoc(), Out);
    ObjectInfo OI;
    classifyObject(T, Policy, OI);
    gir::Var Shape;
    OI.shapeInto(Shape);
    return copyObject(Path, From, &Shape, I->getExprLoc(), Out, false);
  }
  if (floatKind(T) != gir::FloatKind::None || isIntegral(T)) {
    gir::Expr *Val = I ? expr(I) : lit("0", spell(T));
    if (!Val)
      return false;
    Path->Type = spell(T);
    Path->FK = floatKind(T);
    return assign(Path, "=", Val, Init ? Init->getExprLoc() : SourceLocation(),
                  Out);
  }
  const auto *IL = dyn_cast_or_null<InitListExpr>(I);
  if (I && !IL) {
    error(I->getExprLoc(), "this initializer is not supported");
    return false;
  }
  auto Sub = [&](const std::string &Text) {
    gir::Expr *M = F.newExpr(gir::Expr::Member);
    M->Ops = {Path->K == gir::Expr::Member ? Path->Ops[0] : Path};
    M->Text = (Path->K == gir::Expr::Member ? Path->Text : "") + Text;
    return M;
  };
  if (const auto *CAT = dyn_cast<ConstantArrayType>(T.getTypePtr())) {
    for (uint64_t K = 0; K < CAT->getSize().getZExtValue(); ++K) {
      const Expr *E = IL && K < IL->getNumInits() ? IL->getInit(K) : nullptr;
      if (!initStruct(Sub("[" + std::to_string(K) + "]"),
                      CAT->getElementType(), E, Out))
        return false;
    }
    return true;
  }
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD) {
    error(Init ? Init->getExprLoc() : SourceLocation(),
          "this initializer is not supported");
    return false;
  }
  unsigned K = 0;
  for (const FieldDecl *FD : RD->fields()) {
    const Expr *E = IL && K < IL->getNumInits() ? IL->getInit(K) : nullptr;
    ++K;
    if (!initStruct(Sub("." + FD->getNameAsString()), FD->getType(), E, Out))
      return false;
  }
  return true;
}

bool Builder::initObject(gir::Var *V, QualType T, const Expr *Init,
                         std::vector<gir::Stmt *> &Out) {
  SourceLocation L = Init->getExprLoc();
  const Expr *I = Init->IgnoreParenImpCasts();
  if (V->OK == gir::Var::Struct)
    return initStruct(varRef(V, L), T, I, Out);
  // std::vector and std::array.
  std::vector<const Expr *> Elems;
  bool HaveList = false;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(I)) {
    if (CE->getNumArgs() == 1 &&
        CE->getConstructor()->isCopyOrMoveConstructor()) {
      error(L, "copying a whole container is not supported yet; copy its "
               "elements");
      return false;
    }
    if (CE->getNumArgs() == 1)
      if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(
              CE->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *List = dyn_cast<InitListExpr>(
                IL->getSubExpr()->IgnoreParenImpCasts()))
          if (const auto *Arr = dyn_cast<InitListExpr>(List)) {
            HaveList = true;
            for (const Expr *E : Arr->inits())
              Elems.push_back(E);
          }
    if (!HaveList) {
      if (V->OK != gir::Var::Vector) {
        if (CE->getNumArgs() == 0)
          return true;
        error(L, "this constructor is not supported");
        return false;
      }
      if (CE->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(CE->getArg(0)))
        return true; // An empty vector.
      gir::Expr *N = expr(CE->getArg(0));
      gir::Expr *Fill = nullptr;
      if (N && CE->getNumArgs() > 1 && !isa<CXXDefaultArgExpr>(CE->getArg(1)))
        Fill = expr(CE->getArg(1));
      if (!N || (CE->getNumArgs() > 1 && !isa<CXXDefaultArgExpr>(
                                             CE->getArg(1)) && !Fill))
        return false;
      return vecOp(V, "assign", N, Fill, L, Out);
    }
  } else if (const auto *IL = dyn_cast<InitListExpr>(I)) {
    HaveList = true;
    const InitListExpr *List = IL;
    if (V->OK == gir::Var::StdArray && IL->getNumInits() == 1)
      if (const auto *Inner = dyn_cast<InitListExpr>(
              IL->getInit(0)->IgnoreParenImpCasts()))
        List = Inner;
    for (const Expr *E : List->inits())
      Elems.push_back(E);
  } else {
    error(L, "this initializer is not supported");
    return false;
  }
  uint64_t N = V->OK == gir::Var::StdArray ? V->Dims[0] : Elems.size();
  if (V->OK == gir::Var::Vector &&
      !vecOp(V, "assign", lit(std::to_string(N), "std::size_t"), nullptr, L,
             Out))
    return false;
  for (uint64_t K = 0; K < N; ++K) {
    const Expr *E = K < Elems.size() ? Elems[K] : nullptr;
    if (E && isa<ImplicitValueInitExpr>(E))
      E = nullptr;
    gir::Expr *Val = E ? expr(E) : lit("0", V->Type);
    if (!Val)
      return false;
    gir::Expr *Elem = F.newExpr(gir::Expr::Index);
    Elem->Ops = {varRef(V, L), lit(std::to_string(K), "int")};
    Elem->FK = V->FK;
    Elem->Type = gir::spell(V->FK);
    if (Val->FK != Elem->FK) {
      gir::Expr *C = F.newExpr(gir::Expr::Cast);
      C->Ops = {Val};
      C->Type = Elem->Type;
      C->FK = Elem->FK;
      C->Implicit = true;
      Val = C;
    }
    if (!assign(Elem, "=", Val, L, Out))
      return false;
  }
  return true;
}

/// for (T a : range) body, as an index loop over the range.
bool Builder::rangeFor(const CXXForRangeStmt *RF,
                       std::vector<gir::Stmt *> &Out) {
  const VarDecl *LV = RF->getLoopVariable();
  QualType LT = LV->getType().getCanonicalType();
  if (LT->isReferenceType() && !LT->getPointeeType().isConstQualified()) {
    error(LV->getLocation(), "a range-for loop variable that is a non-const "
                             "reference is not supported; index the range");
    return false;
  }
  gir::Expr *Range = object(RF->getRangeInit());
  if (!Range)
    return false;
  gir::Var *RV = Range->K == gir::Expr::VarRef ? Range->V : nullptr;
  gir::Expr *Size = nullptr;
  if (RV && RV->K == gir::Var::Array && RV->Dims.size() == 1)
    Size = lit(std::to_string(RV->Dims[0]), "std::size_t");
  else if (RV && RV->OK == gir::Var::StdArray)
    Size = lit(std::to_string(RV->Dims[0]), "std::size_t");
  else if (RV && RV->OK == gir::Var::Vector) {
    Size = F.newExpr(gir::Expr::Method);
    Size->Ops = {varRef(RV, RF->getBeginLoc())};
    Size->Text = ".size";
    Size->Type = "std::size_t";
  } else {
    error(RF->getRangeInit()->getExprLoc(),
          "range-for over this range is not supported");
    return false;
  }
  gir::Loc SavedNoGrad = NoGrad;
  ++BlockDepth;
  gir::Stmt *Scope = F.newStmt(gir::Stmt::Block);
  Scope->Synthetic = true;
  gir::Var *I = internalVar("_i", "std::size_t");
  gir::Stmt *D = F.newStmt(gir::Stmt::Decl);
  D->V = I;
  Scope->Body.push_back(D);
  assign(ref(I), "=", lit("0", "std::size_t"), RF->getBeginLoc(), Scope->Body,
         true);
  gir::Stmt *Lp = F.newStmt(gir::Stmt::Loop);
  Lp->Where = loc(RF->getBeginLoc());
  Lp->Target = F.newTarget();
  Lp->Cond = binary("<", ref(I), Size);
  ++LoopDepth;
  Breakables.push_back(Lp->Target);
  Loops.push_back(Lp->Target);
  // The loop variable, a copy of the element.
  gir::Var *A = localVar(LV, /*Copy=*/true);
  bool Ok = A != nullptr;
  if (Ok) {
    gir::Stmt *AD = F.newStmt(gir::Stmt::Decl);
    AD->V = A;
    Lp->Body.push_back(AD);
    QualType ET = LT.getNonReferenceType();
    gir::Expr *Elem = indexNode(Range, ref(I), ET, LV->getLocation());
    if (A->K == gir::Var::Object)
      Ok = copyObject(varRef(A, LV->getLocation()), Elem, A,
                      LV->getLocation(), Lp->Body, true);
    else
      Ok = assign(varRef(A, LV->getLocation()), "=", Elem, LV->getLocation(),
                  Lp->Body, true);
  }
  Ok = Ok && block(RF->getBody(), Lp->Body);
  if (Ok)
    Ok = assign(ref(I), "+=", lit("1", "int"), RF->getBeginLoc(), Lp->Step);
  Loops.pop_back();
  Breakables.pop_back();
  --LoopDepth;
  --BlockDepth;
  NoGrad = SavedNoGrad;
  if (!Ok)
    return false;
  Scope->Body.push_back(Lp);
  Out.push_back(Scope);
  return true;
}

/// The arguments of a call without derivative (a test of floating values),
/// from the First on, appended to E's operands: pointers, objects, values.
bool Builder::argsOfTest(const CallExpr *CE, unsigned First, gir::Expr *E) {
  for (unsigned I = First; I < CE->getNumArgs(); ++I) {
    const Expr *A = CE->getArg(I);
    QualType AT = A->getType().getCanonicalType();
    gir::Expr *X = nullptr;
    if (AT->isPointerType())
      X = pointerArg(A);
    else if (ObjectInfo OI; classifyObject(AT, Policy, OI))
      X = object(A);
    else
      X = expr(A);
    if (!X)
      return false;
    E->Ops.push_back(X);
  }
  return true;
}

gir::Expr *Builder::userCall(const CallExpr *CE, const FunctionDecl *Callee) {
  std::string Qual = Callee->getQualifiedNameAsString();
  static const std::set<std::string> NonLocalJumps = {
      "setjmp",  "_setjmp",    "__setjmp",     "sigsetjmp", "__sigsetjmp",
      "longjmp", "_longjmp",   "siglongjmp",   "__builtin_setjmp",
      "__builtin_longjmp", "exit", "abort", "quick_exit", "_Exit"};
  if (NonLocalJumps.count(Callee->getNameAsString()))
    return error(CE->getExprLoc(),
                 "'" + Callee->getNameAsString() +
                     "' transfers control in a way gradgen cannot "
                     "differentiate");
  if (Callee->isVariadic())
    return error(CE->getExprLoc(), "call to variadic function '" + Qual +
                                       "' is not supported");
  // A member function of a struct: the object is its first argument.
  // (A static member function is a function like any other.)
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (MD && MD->isStatic())
    MD = nullptr;
  gir::Expr *Obj = nullptr;
  ObjectInfo ObjInfo;
  unsigned ArgBase = 0; // An operator method's first argument is the object.
  if (MD) {
    QualType RT = Ctx.getRecordType(MD->getParent());
    if (!(classifyObject(RT, Policy, ObjInfo) &&
          ObjInfo.OK == gir::Var::Struct))
      return error(CE->getExprLoc(),
                   "calls of member functions of '" + RT.getAsString(Policy) +
                       "' are not supported: gradgen differentiates member "
                       "functions of structs whose data members are public");
    const Expr *ObjArg = nullptr;
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
      ObjArg = MCE->getImplicitObjectArgument();
    } else if (isa<CXXOperatorCallExpr>(CE)) {
      ObjArg = CE->getArg(0);
      ArgBase = 1;
    }
    if (!ObjArg)
      return error(CE->getExprLoc(), "this call of a member function is not "
                                     "supported");
    Obj = methodObject(ObjArg);
    if (!Obj)
      return nullptr;
  }
  const FunctionDecl *Def = nullptr;
  bool HasBody = Callee->hasBody(Def);
  // A custom derivative: <name>_pullback declared beside the function.
  const FunctionDecl *Custom = nullptr;
  std::string PullbackName = Callee->getNameAsString() + "_pullback";
  if (!MD)
    for (const NamedDecl *ND :
         Callee->getDeclContext()->getRedeclContext()->lookup(
             DeclarationName(&Ctx.Idents.get(PullbackName))))
      if (const auto *FD = dyn_cast<FunctionDecl>(ND))
        Custom = FD;

  bool AnyFloating = floatKind(CE->getType()) != gir::FloatKind::None;
  bool FloatingOut = AnyFloating;
  if (MD) {
    AnyFloating |= ObjInfo.hasFloat();
    FloatingOut |= ObjInfo.hasFloat() && !MD->isConst();
  }
  if (MD && !MD->isConst() && !HasBody)
    return error(CE->getExprLoc(), "call to '" + Qual +
                                       "' is not supported: it may change "
                                       "its object, and its body is not "
                                       "visible");
  if (MD && MD->isConst() && !FloatingOut && !CE->getType()->isVoidType() &&
      (isIntegral(CE->getType()) || !AnyFloating)) {
    // A const member function with a non-floating result (a test, a size):
    // no derivative, printed as written.
    gir::Expr *E = F.newExpr(gir::Expr::Method);
    E->Text = "." + MD->getNameAsString();
    E->Type = spell(CE->getType());
    E->Where = loc(CE->getExprLoc());
    E->Ops.push_back(Obj);
    return argsOfTest(CE, ArgBase, E) ? E : nullptr;
  }
  for (const ParmVarDecl *P : Callee->parameters()) {
    QualType T = P->getType().getCanonicalType();
    bool Indirect = T->isPointerType() || T->isReferenceType();
    if (Indirect)
      T = T->getPointeeType();
    ObjectInfo OI;
    bool Float = floatKind(T) != gir::FloatKind::None ||
                 (classifyObject(T, Policy, OI) &&
                  (OI.OK == gir::Var::Struct ? OI.hasFloat()
                                             : OI.FK != gir::FloatKind::None));
    AnyFloating |= Float;
    FloatingOut |= Float && Indirect && !T.isConstQualified();
  }
  if (!MD && AnyFloating && !FloatingOut && !CE->getType()->isVoidType() &&
      isIntegral(CE->getType())) {
    // A test of floating values (bool positive(double)): its result carries
    // no gradient, and it changes nothing of the caller's.
    gir::Expr *E = F.newExpr(gir::Expr::Call);
    E->Text = printableName(Callee);
    E->Type = spell(CE->getType());
    E->Where = loc(CE->getExprLoc());
    return argsOfTest(CE, 0, E) ? E : nullptr;
  }
  // No floating value in or out and no writes to the caller's variables:
  // a constant as far as gradients go (an index computation, a size),
  // printed as written. A callee that writes through a pointer or reference
  // is tracked like any other.
  bool Writes = false;
  for (const ParmVarDecl *P : Callee->parameters())
    if (P->getType()->isPointerType() ||
        (P->getType()->isReferenceType() &&
         !P->getType()->getPointeeType().isConstQualified()))
      Writes = true;
  if (!AnyFloating && Writes && !HasBody)
    return error(CE->getExprLoc(),
                 "call to '" + Qual +
                     "' is not supported: it may change the caller's "
                     "variables through a pointer or reference, and its "
                     "body is not visible");
  if (!MD && !AnyFloating && !Writes) {
    gir::Expr *E = F.newExpr(gir::Expr::Call);
    E->Text = printableName(Callee);
    E->Type = spell(CE->getType());
    E->Where = loc(CE->getExprLoc());
    for (const Expr *A : CE->arguments()) {
      QualType AT = A->getType().getCanonicalType();
      if (!AT->isIntegralOrEnumerationType() && !AT->isFloatingType())
        return error(A->getExprLoc(), "this argument of a call to '" + Qual +
                                          "' is not supported");
      gir::Expr *X = expr(A);
      if (!X)
        return nullptr;
      E->Ops.push_back(X);
    }
    if (CE->getType()->isVoidType() || (!isIntegral(CE->getType())))
      return error(CE->getExprLoc(), "call to '" + Qual + "' is not "
                                     "supported here");
    return E;
  }
  if (!HasBody && !Custom)
    return error(CE->getExprLoc(),
                 "call to '" + Qual +
                     "' is not supported: its body is not visible and there "
                     "is no '" +
                     PullbackName + "' for it");

  gir::Callee *C = F.newCallee();
  C->SourceName = Callee->getNameAsString();
  C->Ident = identifierFor(Callee);
  switch (Callee->getOverloadedOperator()) {
  case OO_Plus:
  case OO_Minus:
  case OO_Star:
  case OO_Slash:
    if (isa<CXXOperatorCallExpr>(CE)) // Not a.operator+(b) as written.
      C->Operator = getOperatorSpelling(Callee->getOverloadedOperator());
    break;
  default:
    break;
  }
  C->Handle = HasBody ? Def : Callee;
  C->ReturnsVoid = Callee->getReturnType()->isVoidType();
  C->ReturnFK = floatKind(Callee->getReturnType());
  C->ReturnType = spell(Callee->getReturnType());
  ObjectInfo RI;
  if (classifyObject(Callee->getReturnType().getCanonicalType(), Policy, RI) &&
      RI.OK == gir::Var::Struct) {
    // A struct result: an out-parameter the caller's destination fills.
    if (Custom)
      return error(CE->getExprLoc(),
                   "a custom pullback for '" + Qual +
                       "', which returns a struct, is not supported");
    C->ResultOut = true;
    C->ReturnsVoid = true;
    setObject(&C->ResultShape, Callee->getReturnType().getCanonicalType(), RI);
    C->ResultShape.K = gir::Var::Object;
  }
  if (!C->ReturnsVoid && C->ReturnFK == gir::FloatKind::None && AnyFloating)
    return error(CE->getExprLoc(), "calls of '" + Qual +
                                       "' are not supported: it returns a "
                                       "non-floating value and takes "
                                       "floating arguments");
  for (const DeclContext *DC = Callee->getDeclContext();
       !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (!NS->isAnonymousNamespace())
        C->Namespaces.insert(C->Namespaces.begin(), NS->getNameAsString());
  C->Name = C->SourceName;
  if (Custom) {
    C->Custom = true;
    C->CustomPullback = PullbackName;
  }

  gir::Expr *E = F.newExpr(gir::Expr::UserCall);
  E->Fun = C;
  E->Text = printableName(Callee);
  E->Type = C->ReturnsVoid && !C->ResultOut ? "void" : C->ReturnType;
  E->FK = C->ReturnFK;
  E->Where = loc(CE->getExprLoc());
  if (MD) {
    C->IsMethod = true;
    C->Method = MD->getNameAsString();
    gir::CalleeParam CP;
    CP.K = gir::CalleeParam::Object;
    CP.Type = spell(Ctx.getRecordType(MD->getParent()));
    CP.FK = ObjInfo.firstFloat();
    CP.Reads = true;
    CP.Writes = !MD->isConst();
    C->Params.push_back(CP);
    C->CustomMask.push_back(CP.FK != gir::FloatKind::None);
    E->Ops.push_back(Obj);
  }
  for (unsigned I = 0; I < Callee->getNumParams(); ++I) {
    const ParmVarDecl *P = Callee->getParamDecl(I);
    const ParmVarDecl *DefP = HasBody ? Def->getParamDecl(I) : P;
    QualType T = P->getType().getCanonicalType();
    gir::CalleeParam CP;
    bool NoGrad = hasAnnotation(P, ConstMarker) ||
                  hasAnnotation(DefP, ConstMarker);
    const Expr *Arg = CE->getArg(I + ArgBase);
    gir::Expr *A = nullptr;
    ObjectInfo OI;
    QualType Under = T.getNonReferenceType();
    if (!T->isPointerType() && classifyObject(Under, Policy, OI)) {
      CP.K = gir::CalleeParam::Object;
      CP.Type = spell(Under);
      CP.FK = OI.OK == gir::Var::Struct ? OI.firstFloat() : OI.FK;
      CP.Reads = true;
      if (T->isReferenceType() && !Under.isConstQualified()) {
        if (HasBody) {
          CP.Reads = false;
          scanParamUse(Def->getBody(), DefP, CP.Reads, CP.Writes);
        } else {
          CP.Writes = true;
        }
      }
      A = object(Arg);
    } else if (T->isPointerType() &&
               classifyObject(T->getPointeeType(), Policy, OI) &&
               OI.OK == gir::Var::Struct) {
      CP.K = gir::CalleeParam::Pointer;
      CP.Type = spell(T->getPointeeType());
      CP.FK = OI.firstFloat();
      CP.Reads = true;
      if (!T->getPointeeType().isConstQualified()) {
        if (HasBody) {
          bool R = false;
          scanParamUse(Def->getBody(), DefP, R, CP.Writes);
        } else {
          CP.Writes = true;
        }
      }
      A = pointerArg(Arg);
    } else if (T->isPointerType()) {
      QualType Pointee = T->getPointeeType();
      CP.K = gir::CalleeParam::Pointer;
      CP.FK = floatKind(Pointee);
      CP.Type = spell(Pointee);
      if (CP.FK == gir::FloatKind::None &&
          !(isIntegral(Pointee) && Pointee.isConstQualified()))
        return error(Arg->getExprLoc(), "passing this pointer to '" + Qual +
                                            "' is not supported");
      if (!Pointee.isConstQualified()) {
        if (HasBody)
          scanParamUse(Def->getBody(), DefP, CP.Reads, CP.Writes);
        else
          CP.Reads = CP.Writes = true;
      } else {
        CP.Reads = true;
      }
      if (CP.Writes && HasBody)
        if (int N = pointerExtent(Def, DefP); N >= 0)
          CP.ExtentArg = N + static_cast<int>(E->Ops.size() - I);
      A = pointerArg(Arg);
    } else if (T->isReferenceType()) {
      QualType Pointee = T->getPointeeType();
      CP.FK = floatKind(Pointee);
      CP.Type = spell(Pointee);
      if (Pointee.isConstQualified() &&
          (CP.FK != gir::FloatKind::None || isIntegral(Pointee))) {
        CP.K = gir::CalleeParam::ConstRef;
        CP.Reads = true;
        A = expr(Arg);
      } else if (CP.FK != gir::FloatKind::None) {
        CP.K = gir::CalleeParam::Ref;
        if (HasBody)
          scanParamUse(Def->getBody(), DefP, CP.Reads, CP.Writes);
        else
          CP.Reads = CP.Writes = true;
        A = lvalue(Arg);
      } else if (isIntegral(Pointee)) {
        CP.K = gir::CalleeParam::Ref;
        if (HasBody)
          scanParamUse(Def->getBody(), DefP, CP.Reads, CP.Writes);
        else
          CP.Reads = CP.Writes = true;
        A = lvalue(Arg);
      } else {
        return error(Arg->getExprLoc(), "passing this reference to '" + Qual +
                                            "' is not supported");
      }
    } else if (floatKind(T) != gir::FloatKind::None || isIntegral(T)) {
      CP.K = gir::CalleeParam::Value;
      CP.FK = floatKind(T);
      CP.Type = spell(T);
      A = expr(Arg);
    } else {
      return error(Arg->getExprLoc(), "passing a value of type '" +
                                          Arg->getType().getAsString(Policy) +
                                          "' to '" + Qual +
                                          "' is not supported yet");
    }
    if (!A)
      return nullptr;
    CP.NoGrad = NoGrad;
    C->Params.push_back(CP);
    C->CustomMask.push_back(CP.FK != gir::FloatKind::None && !NoGrad);
    E->Ops.push_back(A);
  }
  if (C->ResultOut) {
    // The result's parameter; its argument comes with the destination
    // (resultInto).
    gir::CalleeParam CP;
    CP.K = gir::CalleeParam::Object;
    CP.Type = C->ResultShape.Type;
    CP.FK = RI.firstFloat();
    CP.Writes = true;
    C->Params.push_back(CP);
    C->CustomMask.push_back(CP.FK != gir::FloatKind::None);
  }
  if (Custom) {
    // The custom pullback must have the pullback signature.
    unsigned Want = Callee->getNumParams() + (C->ReturnsVoid ? 0 : 1);
    for (bool B : C->CustomMask)
      Want += B;
    if (Custom->getNumParams() != Want)
      return error(CE->getExprLoc(),
                   "'" + PullbackName + "' does not have the pullback "
                   "signature of '" + Qual + "' (expected " +
                   Twine(Want) + " parameters)");
  }
  return E;
}

gir::Expr *Builder::expr(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParens();
  // Temporaries (a detach() of an expression binds one) change nothing.
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return expr(EWC->getSubExpr());
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return expr(MTE->getSubExpr());
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return expr(BTE->getSubExpr());
  QualType T = E->getType();

  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_ArrayToPointerDecay:
      return expr(ICE->getSubExpr());
    case CK_IntegralCast:
    case CK_IntegralToFloating:
    case CK_FloatingCast:
    case CK_FloatingToIntegral:
    case CK_IntegralToBoolean:
    case CK_FloatingToBoolean: {
      gir::Expr *Sub = expr(ICE->getSubExpr());
      if (!Sub)
        return nullptr;
      gir::Expr *C = F.newExpr(gir::Expr::Cast);
      C->Ops = {Sub};
      C->Type = spell(T);
      C->FK = floatKind(T);
      C->Implicit = true;
      C->Where = loc(E->getExprLoc());
      return C;
    }
    default:
      return error(E->getExprLoc(), "this conversion (" +
                                        Twine(ICE->getCastKindName()) +
                                        ") is not supported");
    }
  }
  if (const auto *ECE = dyn_cast<ExplicitCastExpr>(E)) {
    if (T->isVoidType())
      return error(E->getExprLoc(), "a cast to void is only allowed as a "
                                    "statement");
    if (floatKind(T) == gir::FloatKind::None && !isIntegral(T))
      return error(E->getExprLoc(), "casts to '" + T.getAsString(Policy) +
                                        "' are not supported");
    gir::Expr *Sub = expr(ECE->getSubExpr());
    if (!Sub)
      return nullptr;
    gir::Expr *C = F.newExpr(gir::Expr::Cast);
    C->Ops = {Sub};
    C->Type = spell(T);
    C->FK = floatKind(T);
    C->Where = loc(E->getExprLoc());
    return C;
  }
  if (const auto *FL = dyn_cast<FloatingLiteral>(E))
    return constant(floatText(FL), T, E->getExprLoc());
  if (isa<IntegerLiteral, CXXBoolLiteralExpr, CharacterLiteral>(E))
    return constant(print(E), T, E->getExprLoc());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (const Expr *A = unalias(E); A != E)
      return expr(A);
    if (const auto *VD = dyn_cast<VarDecl>(D)) {
      if (gir::Var *V = VarMap.lookup(VD)) {
        if (V->K == gir::Var::PointerParam && !T->isArrayType() &&
            !T->isPointerType())
          return varRef(V, E->getExprLoc());
        return varRef(V, E->getExprLoc());
      }
      if (VD->hasGlobalStorage() && !VD->isLocalVarDeclOrParm() &&
          (floatKind(T) != gir::FloatKind::None || isIntegral(T)))
        return constant(VD->getQualifiedNameAsString(), T, E->getExprLoc());
      return error(E->getExprLoc(), "use of '" + VD->getNameAsString() +
                                        "' is not supported here");
    }
    if (isa<EnumConstantDecl>(D))
      return constant(D->getQualifiedNameAsString(), T, E->getExprLoc());
    return error(E->getExprLoc(), "use of '" + D->getNameAsString() +
                                      "' is not supported here");
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return member(ME);
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getOperator() == OO_Subscript && OCE->getNumArgs() == 2) {
    gir::Expr *Obj = object(OCE->getArg(0));
    gir::Expr *Idx = Obj ? expr(OCE->getArg(1)) : nullptr;
    if (!Idx)
      return nullptr;
    return indexNode(Obj, Idx, T, OCE->getExprLoc());
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E))
    if (gir::Expr *R = containerMethod(MCE); R || Failed)
      return R;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    gir::Expr *Idx = expr(ASE->getIdx());
    if (!Idx)
      return nullptr;
    return arrayElement(ASE->getBase(), Idx, T, ASE->getExprLoc());
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    switch (UO->getOpcode()) {
    case UO_Minus:
    case UO_Plus:
    case UO_LNot:
    case UO_Not: {
      gir::Expr *Sub = expr(UO->getSubExpr());
      if (!Sub)
        return nullptr;
      gir::Expr *U = F.newExpr(gir::Expr::Unary);
      U->Text = UnaryOperator::getOpcodeStr(UO->getOpcode()).str();
      U->Ops = {Sub};
      U->Type = spell(T);
      U->FK = floatKind(T);
      U->Where = loc(UO->getExprLoc());
      return U;
    }
    case UO_Deref: {
      gir::Var *Base = nullptr;
      gir::Expr *Off = pointerOffset(UO->getSubExpr(), Base);
      if (Failed)
        return nullptr;
      gir::Expr *Idx = Off ? Off : lit("0", "int");
      gir::Expr *I = F.newExpr(gir::Expr::Index);
      I->Ops = {varRef(Base, UO->getExprLoc()), Idx};
      I->Type = spell(T);
      I->FK = floatKind(T);
      I->Where = loc(UO->getExprLoc());
      return I;
    }
    case UO_PreInc:
    case UO_PreDec:
    case UO_PostInc:
    case UO_PostDec:
      return error(UO->getExprLoc(),
                   "increments and decrements inside an expression are not "
                   "supported; write them as separate statements");
    default:
      return error(UO->getExprLoc(), "the operator '" +
                                         UnaryOperator::getOpcodeStr(
                                             UO->getOpcode()) +
                                         "' is not supported here");
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      return error(BO->getOperatorLoc(),
                   "assignments inside an expression are not supported; "
                   "write them as separate statements");
    if (BO->getOpcode() == BO_Comma)
      return error(BO->getOperatorLoc(), "the comma operator is not supported");
    if (T->isPointerType() || BO->getLHS()->getType()->isPointerType())
      return error(BO->getOperatorLoc(),
                   "pointer arithmetic is only supported inside an index or "
                   "a dereference");
    gir::Expr *A = expr(BO->getLHS());
    if (!A)
      return nullptr;
    gir::Expr *B = expr(BO->getRHS());
    if (!B)
      return nullptr;
    gir::Expr *R = binary(BO->getOpcodeStr(), A, B, spell(T));
    R->FK = floatKind(T);
    R->Where = loc(BO->getOperatorLoc());
    return R;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    gir::Expr *C = expr(CO->getCond());
    gir::Expr *A = C ? expr(CO->getTrueExpr()) : nullptr;
    gir::Expr *B = A ? expr(CO->getFalseExpr()) : nullptr;
    if (!B)
      return nullptr;
    gir::Expr *R = F.newExpr(gir::Expr::Cond);
    R->Ops = {C, A, B};
    R->Type = spell(T);
    R->FK = floatKind(T);
    R->Where = loc(CO->getQuestionLoc());
    return R;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    bool VoidOk = AllowVoidCall;
    AllowVoidCall = false;
    if (CE->getType()->isVoidType() && !VoidOk)
      return error(CE->getExprLoc(), "a call returning void is only allowed "
                                     "as a statement");
    if (isa<CXXMemberCallExpr>(CE) || isa<CXXOperatorCallExpr>(CE)) {
      const auto *MD =
          dyn_cast_or_null<CXXMethodDecl>(CE->getDirectCallee());
      if (MD && MD->isVirtual())
        return error(CE->getExprLoc(), "virtual calls are not supported");
    }
    return call(CE);
  }
  if (isa<CXXThrowExpr>(E))
    return error(E->getExprLoc(), "throw expressions are not supported");
  if (isa<StmtExpr>(E))
    return error(E->getExprLoc(), "statement expressions are not supported");
  return error(E->getExprLoc(), "expressions of this kind (" +
                                    Twine(E->getStmtClassName()) +
                                    ") are not supported");
}

/// An assignable expression: a scalar variable or an array element.
gir::Expr *Builder::lvalue(const Expr *E) {
  if (const Expr *A = unalias(E); A != E)
    return lvalue(A);
  const Expr *S = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    gir::Var *V = VD ? VarMap.lookup(VD) : nullptr;
    if (!V)
      return error(S->getExprLoc(),
                   "assignments to global or captured variables are not "
                   "supported");
    if (V->K == gir::Var::PointerParam || V->K == gir::Var::Array)
      return error(S->getExprLoc(), "assignments to a whole array or pointer "
                                    "are not supported");
    if (V->K == gir::Var::RefParam && V->IsPointerToConst)
      return error(S->getExprLoc(), "assignment to a const reference");
    return varRef(V, S->getExprLoc());
  }
  gir::Expr *L = expr(S);
  if (!L)
    return nullptr;
  if (L->K != gir::Expr::Index && L->K != gir::Expr::Member)
    return error(S->getExprLoc(), "this assignment target is not supported");
  gir::Expr *Root = L;
  while (Root->K == gir::Expr::Index || Root->K == gir::Expr::Member)
    Root = Root->Ops[0];
  if (Root->V && Root->V->IsPointerToConst)
    return error(S->getExprLoc(), "assignment through a pointer to const");
  return L;
}

bool Builder::assign(gir::Expr *LHS, StringRef Op, gir::Expr *RHS,
                     SourceLocation L, std::vector<gir::Stmt *> &Out,
                     bool IsDecl) {
  gir::Stmt *S = F.newStmt(gir::Stmt::Assign);
  S->LHS = LHS;
  S->Op = Op.str();
  S->RHS = RHS;
  S->IsDecl = IsDecl;
  S->Where = loc(L);
  if (NoGrad) {
    S->NoGrad = true;
    S->NoGradGuard = NoGrad;
  }
  if (LHS->FK != gir::FloatKind::None && Op != "=" && Op != "+=" &&
      Op != "-=" && Op != "*=" && Op != "/=") {
    error(L, "the operator '" + Op + "' is not supported on floating values");
    return false;
  }
  Out.push_back(S);
  return true;
}

bool Builder::initArray(gir::Var *V, const Expr *Init,
                        std::vector<gir::Stmt *> &Out) {
  uint64_t Total = 1;
  for (uint64_t D : V->Dims)
    Total *= D;
  // Walk the (semantic) initializer list, element by element in row-major
  // order; elements it leaves out are zero.
  std::vector<const Expr *> Leaves;
  std::function<bool(const Expr *, size_t)> Walk = [&](const Expr *E,
                                                       size_t Depth) {
    const auto *IL = dyn_cast<InitListExpr>(E->IgnoreParenImpCasts());
    if (Depth == V->Dims.size()) {
      if (IL)
        return IL->getNumInits() == 1 ? Walk(IL->getInit(0), Depth)
                                      : (error(E->getExprLoc(),
                                               "unsupported initializer"),
                                         false);
      Leaves.push_back(E);
      return true;
    }
    if (!IL) {
      error(E->getExprLoc(), "this array initializer is not supported");
      return false;
    }
    uint64_t Inner = 1;
    for (size_t I = Depth + 1; I < V->Dims.size(); ++I)
      Inner *= V->Dims[I];
    for (unsigned I = 0; I < V->Dims[Depth]; ++I) {
      if (I < IL->getNumInits() && !isa<ImplicitValueInitExpr>(IL->getInit(I))) {
        if (!Walk(IL->getInit(I), Depth + 1))
          return false;
      } else {
        for (uint64_t K = 0; K < Inner; ++K)
          Leaves.push_back(nullptr);
      }
    }
    return true;
  };
  if (!Walk(Init, 0))
    return false;
  if (Leaves.size() != Total) {
    error(Init->getExprLoc(), "this array initializer is not supported");
    return false;
  }
  if (Total > 256) {
    error(Init->getExprLoc(), "initializers of local arrays with more than "
                              "256 elements are not supported");
    return false;
  }
  for (uint64_t I = 0; I < Total; ++I) {
    gir::Expr *Elem = varRef(V, Init->getExprLoc());
    uint64_t Rest = I;
    std::vector<uint64_t> Idx(V->Dims.size());
    for (size_t D = V->Dims.size(); D-- > 0;) {
      Idx[D] = Rest % V->Dims[D];
      Rest /= V->Dims[D];
    }
    for (uint64_t K : Idx) {
      gir::Expr *E = F.newExpr(gir::Expr::Index);
      E->Ops = {Elem, lit(std::to_string(K), "int")};
      E->Type = V->Type;
      E->FK = V->FK;
      Elem = E;
    }
    gir::Expr *Val = Leaves[I] ? expr(Leaves[I]) : lit("0", V->Type);
    if (!Val)
      return false;
    if (!assign(Elem, "=", Val, Init->getExprLoc(), Out))
      return false;
  }
  return true;
}

bool Builder::declStmt(const DeclStmt *DS, std::vector<gir::Stmt *> &Out) {
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD) {
      if (isa<TypedefNameDecl, StaticAssertDecl, UsingDecl,
              UsingDirectiveDecl, RecordDecl>(D))
        continue;
      error(D->getLocation(), "this declaration is not supported here");
      return false;
    }
    if (const auto *RD = VD->getType()->getAsCXXRecordDecl()) {
      if (RD->getQualifiedNameAsString() == "gradgen::no_grad") {
        NoGrad = loc(VD->getLocation());
        F.NoGradGuards.push_back(NoGrad);
        continue;
      }
    }
    QualType VT = VD->getType();
    if (aliasInit(VD)) {
      if (!alias(VD, DS))
        return false;
      continue;
    }
    // A const reference bound to a temporary is a copy of it.
    gir::Var *V = localVar(VD, VT->isReferenceType());
    if (!V)
      return false;
    gir::Stmt *DeclS = F.newStmt(gir::Stmt::Decl);
    DeclS->V = V;
    DeclS->Where = loc(VD->getLocation());
    Out.push_back(DeclS);
    const Expr *Init = VD->getInit();
    if (!Init)
      continue;
    if (V->K == gir::Var::Array) {
      if (V->FK == gir::FloatKind::None && !V->Leaves.empty()) {
        // An array of structs.
        const Expr *I = Init->IgnoreParenImpCasts();
        if (const auto *CE = dyn_cast<CXXConstructExpr>(I);
            CE && CE->getNumArgs() == 0 && !CE->requiresZeroInitialization())
          continue;
        if (!initStruct(varRef(V, VD->getLocation()), VD->getType(), I, Out))
          return false;
        continue;
      }
      if (!initArray(V, Init, Out))
        return false;
      continue;
    }
    if (V->K == gir::Var::Object) {
      if (!initObject(V, VD->getType(), Init, Out))
        return false;
      continue;
    }
    if (const auto *IL = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts())) {
      if (IL->getNumInits() > 1) {
        error(IL->getExprLoc(), "unsupported initializer");
        return false;
      }
      Init = IL->getNumInits() ? IL->getInit(0) : nullptr;
    }
    gir::Expr *Val = Init ? expr(Init) : lit("0", V->Type);
    if (!Val)
      return false;
    if (!assign(varRef(V, VD->getLocation()), "=", Val, VD->getLocation(), Out,
                /*IsDecl=*/true))
      return false;
  }
  return true;
}

bool Builder::exprStmt(const Expr *E, std::vector<gir::Stmt *> &Out) {
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParens();
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma)
      return exprStmt(BO->getLHS(), Out) && exprStmt(BO->getRHS(), Out);
    if (BO->isAssignmentOp()) {
      gir::Expr *L = lvalue(BO->getLHS());
      if (!L)
        return false;
      gir::Expr *R = expr(BO->getRHS());
      if (!R)
        return false;
      if (BO->isCompoundAssignmentOp()) {
        // The right side of a compound assignment is converted to the
        // computation type; Clang keeps no cast node for it.
        const auto *CAO = cast<CompoundAssignOperator>(BO);
        QualType CT = CAO->getComputationResultType();
        if (floatKind(CT) != R->FK && floatKind(CT) != gir::FloatKind::None) {
          gir::Expr *C = F.newExpr(gir::Expr::Cast);
          C->Ops = {R};
          C->Type = spell(CT);
          C->FK = floatKind(CT);
          C->Implicit = true;
          R = C;
        }
        if (L->FK != gir::FloatKind::None &&
            floatKind(CAO->getComputationLHSType()) != L->FK) {
          error(BO->getOperatorLoc(),
                "compound assignment that mixes floating types is not "
                "supported; write it out with a cast");
          return false;
        }
      } else if (R->FK != L->FK || (L->FK == gir::FloatKind::None &&
                                    R->Type != L->Type)) {
        gir::Expr *C = F.newExpr(gir::Expr::Cast);
        C->Ops = {R};
        C->Type = L->Type;
        C->FK = L->FK;
        C->Implicit = true;
        R = C;
      }
      return assign(L, BO->getOpcodeStr(), R, BO->getOperatorLoc(), Out);
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->isIncrementDecrementOp()) {
      gir::Expr *L = lvalue(UO->getSubExpr());
      if (!L)
        return false;
      return assign(L, UO->isIncrementOp() ? "+=" : "-=", lit("1", "int"),
                    UO->getExprLoc(), Out);
    }
  }
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2) {
    ObjectInfo OI;
    if (!classifyObject(OCE->getArg(0)->getType(), Policy, OI)) {
      error(OCE->getExprLoc(), "this assignment is not supported");
      return false;
    }
    gir::Var Shape;
    OI.shapeInto(Shape);
    gir::Expr *To = object(OCE->getArg(0));
    gir::Expr *From = To ? object(OCE->getArg(1)) : nullptr;
    return From &&
           copyObject(To, From, &Shape, OCE->getExprLoc(), Out, false);
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    std::string Name = MD ? MD->getNameAsString() : "";
    gir::Expr *Obj = (Name == "push_back" || Name == "resize" ||
                      Name == "emplace_back")
                         ? object(MCE->getImplicitObjectArgument())
                         : nullptr;
    if (Obj) {
      if (Obj->K != gir::Expr::VarRef || Obj->V->OK != gir::Var::Vector ||
          Obj->V->IsParam) {
        error(MCE->getExprLoc(), "'" + Name + "' is supported on local "
                                 "std::vector variables only");
        return false;
      }
      if (MCE->getNumArgs() != 1) {
        error(MCE->getExprLoc(), "this form of '" + Name +
                                     "' is not supported");
        return false;
      }
      gir::Expr *Arg = expr(MCE->getArg(0));
      if (!Arg)
        return false;
      if (Name != "resize" && Arg->FK != Obj->V->FK) {
        gir::Expr *C = F.newExpr(gir::Expr::Cast);
        C->Ops = {Arg};
        C->Type = gir::spell(Obj->V->FK);
        C->FK = Obj->V->FK;
        C->Implicit = true;
        Arg = C;
      }
      return vecOp(Obj->V, Name == "resize" ? "resize" : "push_back", Arg,
                   nullptr, MCE->getExprLoc(), Out);
    }
    if (Failed)
      return false;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    AllowVoidCall = true;
    gir::Expr *C = expr(CE);
    AllowVoidCall = false;
    if (!C)
      return false;
    if (C->K == gir::Expr::UserCall) {
      gir::Stmt *S = F.newStmt(gir::Stmt::Call);
      S->RHS = C;
      S->Where = loc(CE->getExprLoc());
      if (NoGrad) {
        S->NoGrad = true;
        S->NoGradGuard = NoGrad;
      }
      Out.push_back(S);
    }
    // A math function whose value is unused does nothing.
    return true;
  }
  if (const auto *C = dyn_cast<ExplicitCastExpr>(E))
    if (C->getType()->isVoidType() && !C->getSubExpr()->HasSideEffects(Ctx)) {
      // (void)x: the user silenced an unused variable; so does gradgen.
      if (const auto *DRE = dyn_cast<DeclRefExpr>(
              C->getSubExpr()->IgnoreParenImpCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          if (gir::Var *V = VarMap.lookup(VD))
            V->Silenced = true;
      return true;
    }
  if (!E->HasSideEffects(Ctx))
    return true;
  error(E->getExprLoc(), "this statement is not supported");
  return false;
}

bool Builder::block(const Stmt *S, std::vector<gir::Stmt *> &Out) {
  gir::Loc SavedNoGrad = NoGrad;
  ++BlockDepth;
  bool Ok = true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    Compounds.push_back(CS);
    for (const Stmt *C : CS->body())
      if (!(Ok = stmt(C, Out)))
        break;
    Compounds.pop_back();
  } else {
    Ok = stmt(S, Out);
  }
  --BlockDepth;
  NoGrad = SavedNoGrad;
  return Ok;
}

bool Builder::loop(const Stmt *Init, const Expr *Cond, const Stmt *Inc,
                   const Stmt *Body, bool TestFirst, SourceLocation L,
                   std::vector<gir::Stmt *> &Out) {
  // The loop and its init-statement form a scope of their own.
  gir::Loc SavedNoGrad = NoGrad;
  ++BlockDepth;
  gir::Stmt *Scope = F.newStmt(gir::Stmt::Block);
  Scope->Synthetic = true;
  if (Init && !stmt(Init, Scope->Body))
    return false;
  gir::Stmt *Lp = F.newStmt(gir::Stmt::Loop);
  Lp->Where = loc(L);
  Lp->TestFirst = TestFirst;
  Lp->Target = F.newTarget();
  Lp->Target->IsLoop = true;
  Lp->Cond = Cond ? expr(Cond) : lit("true", "bool");
  if (!Lp->Cond)
    return false;
  ++LoopDepth;
  Breakables.push_back(Lp->Target);
  Loops.push_back(Lp->Target);
  bool Ok = block(Body, Lp->Body);
  if (Ok && Inc)
    Ok = exprStmt(cast<Expr>(Inc), Lp->Step);
  Loops.pop_back();
  Breakables.pop_back();
  --LoopDepth;
  --BlockDepth;
  NoGrad = SavedNoGrad;
  if (!Ok)
    return false;
  Scope->Body.push_back(Lp);
  Out.push_back(Scope);
  return true;
}

bool Builder::switchStmt(const SwitchStmt *SS, std::vector<gir::Stmt *> &Out) {
  if (SS->getInit() || SS->getConditionVariable()) {
    error(SS->getBeginLoc(), "switch statements with an init-statement or a "
                             "condition variable are not supported");
    return false;
  }
  const auto *Body = dyn_cast<CompoundStmt>(SS->getBody());
  if (!Body) {
    error(SS->getBeginLoc(), "a switch without a braced body is not supported");
    return false;
  }
  gir::Stmt *Scope = F.newStmt(gir::Stmt::Block);
  Scope->Where = loc(SS->getBeginLoc());
  Scope->Target = F.newTarget();
  Scope->Target->IsLoop = false;
  gir::Expr *Cond = expr(SS->getCond());
  if (!Cond)
    return false;
  gir::Var *Sel = internalVar("_switch", Cond->Type);
  gir::Var *Fall = internalVar("_matched", "bool");
  gir::Stmt *D1 = F.newStmt(gir::Stmt::Decl);
  D1->V = Sel;
  gir::Stmt *D2 = F.newStmt(gir::Stmt::Decl);
  D2->V = Fall;
  Scope->Body = {D1, D2};
  if (!assign(ref(Sel), "=", Cond, SS->getBeginLoc(), Scope->Body, true) ||
      !assign(ref(Fall), "=", lit("false", "bool"), SS->getBeginLoc(),
              Scope->Body, true))
    return false;

  // Every case value, for the default's condition.
  std::vector<std::string> AllValues;
  for (const SwitchCase *SC = SS->getSwitchCaseList(); SC;
       SC = SC->getNextSwitchCase())
    if (const auto *CS = dyn_cast<CaseStmt>(SC)) {
      if (CS->caseStmtIsGNURange()) {
        error(CS->getBeginLoc(), "case ranges are not supported");
        return false;
      }
      AllValues.push_back(
          std::to_string(CS->getLHS()->EvaluateKnownConstInt(Ctx).getExtValue()));
    }
  std::sort(AllValues.begin(), AllValues.end());

  Breakables.push_back(Scope->Target);
  gir::Loc SavedNoGrad = NoGrad;
  ++BlockDepth;
  gir::Stmt *Segment = nullptr;
  bool Ok = true;
  for (const Stmt *C : Body->body()) {
    const Stmt *First = C;
    gir::Expr *Match = nullptr;
    bool IsLabel = false;
    while (isa<SwitchCase>(First)) {
      IsLabel = true;
      gir::Expr *M;
      if (const auto *CS = dyn_cast<CaseStmt>(First)) {
        M = binary("==", ref(Sel),
                   lit(std::to_string(CS->getLHS()->EvaluateKnownConstInt(Ctx).getExtValue()),
                       Cond->Type));
        First = CS->getSubStmt();
      } else {
        M = nullptr;
        for (const std::string &V : AllValues) {
          gir::Expr *Ne = binary("!=", ref(Sel), lit(V, Cond->Type));
          M = M ? binary("&&", M, Ne) : Ne;
        }
        if (!M)
          M = lit("true", "bool");
        First = cast<DefaultStmt>(First)->getSubStmt();
      }
      Match = Match ? binary("||", Match, M) : M;
    }
    if (IsLabel) {
      Segment = F.newStmt(gir::Stmt::If);
      Segment->Where = loc(C->getBeginLoc());
      Segment->Cond = binary("||", ref(Fall), Match);
      assign(ref(Fall), "=", lit("true", "bool"), C->getBeginLoc(),
             Segment->Body);
      Scope->Body.push_back(Segment);
    }
    if (!Segment) {
      // Statements before the first label never run.
      continue;
    }
    if (!(Ok = stmt(First, Segment->Body)))
      break;
  }
  --BlockDepth;
  NoGrad = SavedNoGrad;
  Breakables.pop_back();
  if (!Ok)
    return false;
  Out.push_back(Scope);
  return true;
}

bool Builder::stmt(const Stmt *S, std::vector<gir::Stmt *> &Out) {
  if (!S)
    return true;
  if (const auto *AS = dyn_cast<AttributedStmt>(S))
    return stmt(AS->getSubStmt(), Out);
  if (isa<CompoundStmt>(S)) {
    gir::Stmt *B = F.newStmt(gir::Stmt::Block);
    B->Where = loc(S->getBeginLoc());
    if (!block(S, B->Body))
      return false;
    Out.push_back(B);
    return true;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return declStmt(DS, Out);
  if (isa<NullStmt>(S))
    return true;
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    gir::Stmt *R = F.newStmt(gir::Stmt::Return);
    R->Where = loc(RS->getBeginLoc());
    if (Result && RS->getRetValue()) {
      // A struct result: into the result's parameter.
      if (!initStruct(varRef(Result, RS->getBeginLoc()),
                      RS->getRetValue()->getType(), RS->getRetValue(), Out))
        return false;
    } else if (RS->getRetValue()) {
      R->RHS = expr(RS->getRetValue());
      if (!R->RHS)
        return false;
      if (R->RHS->FK != F.ReturnFK) {
        gir::Expr *C = F.newExpr(gir::Expr::Cast);
        C->Ops = {R->RHS};
        C->Type = F.ReturnType;
        C->FK = F.ReturnFK;
        C->Implicit = true;
        R->RHS = C;
      }
      if (NoGrad) {
        R->NoGrad = true;
        R->NoGradGuard = NoGrad;
      }
    }
    Out.push_back(R);
    return true;
  }
  if (const auto *IS = dyn_cast<IfStmt>(S)) {
    if (IS->getInit() || IS->getConditionVariable()) {
      error(IS->getBeginLoc(), "if statements with an init-statement or a "
                               "condition variable are not supported");
      return false;
    }
    if (IS->isConstexpr()) {
      error(IS->getBeginLoc(), "if constexpr is not supported");
      return false;
    }
    gir::Stmt *I = F.newStmt(gir::Stmt::If);
    I->Where = loc(IS->getBeginLoc());
    I->Cond = expr(IS->getCond());
    if (!I->Cond)
      return false;
    if (!block(IS->getThen(), I->Body))
      return false;
    if (IS->getElse() && !block(IS->getElse(), I->Else))
      return false;
    Out.push_back(I);
    return true;
  }
  if (const auto *WS = dyn_cast<WhileStmt>(S)) {
    if (WS->getConditionVariable()) {
      error(WS->getBeginLoc(), "a condition variable is not supported");
      return false;
    }
    return loop(nullptr, WS->getCond(), nullptr, WS->getBody(), true,
                WS->getBeginLoc(), Out);
  }
  if (const auto *DS = dyn_cast<DoStmt>(S))
    return loop(nullptr, DS->getCond(), nullptr, DS->getBody(), false,
                DS->getBeginLoc(), Out);
  if (const auto *FS = dyn_cast<ForStmt>(S)) {
    if (FS->getConditionVariable()) {
      error(FS->getBeginLoc(), "a condition variable is not supported");
      return false;
    }
    return loop(FS->getInit(), FS->getCond(), FS->getInc(), FS->getBody(),
                true, FS->getBeginLoc(), Out);
  }
  if (const auto *SS = dyn_cast<SwitchStmt>(S))
    return switchStmt(SS, Out);
  if (isa<BreakStmt>(S)) {
    gir::Stmt *B = F.newStmt(gir::Stmt::Break);
    B->Where = loc(S->getBeginLoc());
    B->Target = Breakables.back();
    Out.push_back(B);
    return true;
  }
  if (isa<ContinueStmt>(S)) {
    gir::Stmt *C = F.newStmt(gir::Stmt::Continue);
    C->Where = loc(S->getBeginLoc());
    C->Target = Loops.back();
    Out.push_back(C);
    return true;
  }
  if (isa<SwitchCase>(S)) {
    error(S->getBeginLoc(), "case labels nested inside other statements are "
                            "not supported");
    return false;
  }
  if (isa<GotoStmt, IndirectGotoStmt, LabelStmt>(S)) {
    error(S->getBeginLoc(), "goto and labels are not supported: gradgen "
                            "differentiates structured control flow only");
    return false;
  }
  if (isa<AsmStmt>(S)) {
    error(S->getBeginLoc(), "inline assembly cannot be differentiated");
    return false;
  }
  if (isa<CXXTryStmt>(S)) {
    error(S->getBeginLoc(), "try blocks are not supported");
    return false;
  }
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
    return rangeFor(RF, Out);
  if (const auto *E = dyn_cast<Expr>(S))
    return exprStmt(E, Out);
  error(S->getBeginLoc(), "statements of this kind (" +
                              Twine(S->getStmtClassName()) +
                              ") are not supported");
  return false;
}

/// Collects the annotated function definitions of the main file, in order.
void collectFunctions(const DeclContext *DC, const SourceManager &SM,
                      std::vector<const FunctionDecl *> &Out) {
  for (const Decl *D : DC->decls()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(D)) {
      collectFunctions(NS, SM, Out);
      continue;
    }
    if (const auto *LS = dyn_cast<LinkageSpecDecl>(D)) {
      collectFunctions(LS, SM, Out);
      continue;
    }
    const FunctionDecl *FD = nullptr;
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    else
      FD = dyn_cast<FunctionDecl>(D);
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
      for (const Decl *M : RD->decls())
        if (const auto *MD = dyn_cast<FunctionDecl>(M))
          if (MD->doesThisDeclarationHaveABody() && isAnnotatedFunction(MD) &&
              SM.isInMainFile(MD->getLocation()))
            Out.push_back(MD);
      continue;
    }
    if (!FD || !FD->doesThisDeclarationHaveABody() || !isAnnotatedFunction(FD))
      continue;
    if (!SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
      continue;
    Out.push_back(FD);
  }
}

} // namespace

namespace gradgen {

namespace {

/// Which parameters of an annotated function are active by the contract.
std::vector<bool> contractMask(const FunctionDecl *FD) {
  std::vector<bool> Mask;
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType().getCanonicalType();
    if (T->isPointerType() || T->isReferenceType())
      T = T->getPointeeType();
    Mask.push_back(floatKind(T) != gir::FloatKind::None &&
                   !hasAnnotation(P, ConstMarker));
  }
  return Mask;
}

std::string maskBits(const std::vector<bool> &Mask) {
  std::string Bits;
  for (bool B : Mask)
    Bits += B ? '1' : '0';
  return Bits;
}

/// Generates the annotated functions and, on demand, the pullbacks of the
/// functions they call.
class Generator {
public:
  Generator(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  bool run(EngineOutput &Out, const EngineOptions &Opts);

private:
  struct Job {
    const FunctionDecl *FD;
    std::vector<bool> Mask;
    std::string Name;
  };
  ASTContext &Ctx;
  const SourceManager &SM;
  std::map<std::pair<const FunctionDecl *, std::string>, std::string> Names;
  std::set<std::string> UsedNames;
  std::vector<Job> Queue;
  std::string PublicDecls, InternalDecls, Definitions;
  std::vector<gir::Diag> Diags;

  bool isPublic(const FunctionDecl *FD) {
    return isAnnotatedFunction(FD) &&
           SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()));
  }

  std::string request(const gir::Function &Caller, gir::Callee &C,
                      const std::vector<bool> &Mask, gir::Loc Where,
                      std::vector<gir::Diag> &D) {
    std::string Name;
    if (C.Custom) {
      for (size_t I = 0; I < Mask.size(); ++I)
        if (Mask[I] && !C.CustomMask[I]) {
          D.push_back({gir::Diag::Error, Where,
                       "the custom derivative '" + C.CustomPullback +
                           "' takes no adjoint for argument " +
                           std::to_string(I + 1) + " of '" + C.SourceName +
                           "', which needs one"});
          return "";
        }
      Name = C.CustomPullback;
    } else {
      const auto *FD = static_cast<const FunctionDecl *>(C.Handle);
      auto Key = std::make_pair(FD->getCanonicalDecl(), maskBits(Mask));
      auto It = Names.find(Key);
      if (It != Names.end()) {
        Name = It->second;
      } else {
        std::string Base = identifierFor(FD) + "_pullback";
        std::vector<bool> All;
        for (const gir::CalleeParam &P : C.Params)
          All.push_back(P.FK != gir::FloatKind::None);
        if (isPublic(FD) && Mask == contractMask(FD)) {
          Name = Base; // Generated with the annotated function.
        } else {
          Name = Mask == All ? Base : Base + "_" + maskBits(Mask);
          if (isPublic(FD) && Mask == contractMask(FD))
            Name = Base;
          while (UsedNames.count(Name))
            Name += "_";
          Queue.push_back({FD, Mask, Name});
        }
        UsedNames.insert(Name);
        Names[Key] = Name;
      }
    }
    // Qualify the name unless caller and callee share their namespace.
    std::vector<std::string> CallerNS;
    for (const std::string &N : Caller.Namespaces)
      if (!N.empty())
        CallerNS.push_back(N);
    if (CallerNS == C.Namespaces)
      return Name;
    std::string Q;
    for (const std::string &N : C.Namespaces)
      Q += "::" + N;
    return Q + "::" + Name;
  }

  bool generate(const FunctionDecl *FD, const std::vector<bool> *Mask,
                const std::string &Name) {
    gir::Function F;
    gir::Generated G;
    std::vector<gir::Diag> D;
    Builder B(Ctx, F, D);
    B.Mask = Mask;
    bool Ok = B.build(FD);
    if (Ok) {
      F.CalleeVariant = Mask != nullptr;
      F.PullbackName = Name;
      gir::PullbackRequest Req =
          [this](const gir::Function &Caller, gir::Callee &C,
                 const std::vector<bool> &M, gir::Loc Where,
                 std::vector<gir::Diag> &DD) {
            return request(Caller, C, M, Where, DD);
          };
      Ok = gir::differentiate(F, Req, D, G);
    }
    if (Mask && !D.empty()) {
      // Problems inside a callee: say which call needed it.
      D.push_back({gir::Diag::Note, static_cast<gir::Loc>(
                                        FD->getLocation().getRawEncoding()),
                   "while differentiating '" + FD->getNameAsString() +
                       "', called from a differentiated function"});
    }
    Diags.insert(Diags.end(), D.begin(), D.end());
    if (!Ok)
      return false;
    (G.Internal ? InternalDecls : PublicDecls) += G.Declaration;
    Definitions += G.Definition;
    return true;
  }
};

bool Generator::run(EngineOutput &Out, const EngineOptions &Opts) {
  DiagnosticsEngine &DE = Ctx.getDiagnostics();
  std::vector<const FunctionDecl *> Functions;
  collectFunctions(Ctx.getTranslationUnitDecl(), SM, Functions);
  for (const FunctionDecl *FD : Functions)
    UsedNames.insert(FD->getNameAsString() + "_pullback");

  bool Ok = true;
  unsigned N = 0;
  for (const FunctionDecl *FD : Functions) {
    Names[{FD->getCanonicalDecl(), maskBits(contractMask(FD))}] =
        FD->getNameAsString() + "_pullback";
    if (generate(FD, nullptr, ""))
      ++N;
    else
      Ok = false;
  }
  // Pullbacks of callees, as the functions above (and they) ask for them.
  for (size_t I = 0; Ok && I < Queue.size(); ++I) {
    Job J = Queue[I];
    if (!generate(J.FD, &J.Mask, J.Name))
      Ok = false;
  }

  unsigned ErrID = DE.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  unsigned WarnID = DE.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
  unsigned NoteID = DE.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  for (const gir::Diag &D : Diags) {
    unsigned ID = D.L == gir::Diag::Error     ? ErrID
                  : D.L == gir::Diag::Warning ? WarnID
                                              : NoteID;
    DE.Report(SourceLocation::getFromRawEncoding(
                  static_cast<SourceLocation::UIntTy>(D.Where)),
              ID)
        << D.Message;
  }
  if (!Ok || DE.hasErrorOccurred())
    return false;

  Out.NumFunctions = N;
  std::string Head = "// Generated by gradgen from " + Opts.InputName +
                     ". Do not edit: regenerate instead.\n";
  Out.Source = Head + "#include \"" + Opts.IncludeSpelling +
               "\"\n#include <gradgen/runtime.h>\n";
  if (!InternalDecls.empty() || !PublicDecls.empty())
    Out.Source += "\n// Declarations." + PublicDecls + InternalDecls +
                  "\n// Definitions.";
  Out.Source += Definitions;
  Out.Header = Head + "#ifndef " + Opts.HeaderGuard + "\n#define " +
               Opts.HeaderGuard + "\n\n#include <gradgen/runtime.h>\n" +
               PublicDecls + "\n#endif // " + Opts.HeaderGuard + "\n";
  return true;
}

} // namespace

bool generateGradients(ASTContext &Ctx, const EngineOptions &Opts,
                       EngineOutput &Out) {
  Out = EngineOutput();
  Generator G(Ctx);
  if (G.run(Out, Opts))
    return true;
  Out = EngineOutput();
  return false;
}

} // namespace gradgen
