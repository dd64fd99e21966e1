#!/usr/bin/env python3
"""Seeded generator of random differentiable C++ functions for gradgen.

Each generated function exists twice: as plain annotated `double` code (what
gradgen differentiates) and as a `template <class T>` twin in which every
`double` is T (instantiated with gg_test::dual<double> as the forward-mode
oracle). detach(e) becomes gg_test::detach_like(e) in the twin, and every
value assigned inside a no_grad region is wrapped in detach_like.

Programs are well defined by construction: math functions only on safe
domains (log(1 + e*e), asin(0.9*tanh(e)), e / (1.5 + sin(e)), ...), array
indices provably in bounds for the harness's n in [1, 8], and an abstract
interpretation of magnitude bounds rejects anything that could overflow.

Used as a module by run.py; as a script it writes one batch:
    gen.py --seed 1 --count 30 --features all -o DIR
which writes DIR/prog.cpp (what gradgen sees), DIR/prog_fwd.h (the twins)
and DIR/driver.cpp (the checking main) -- see README.md.

Python 3 standard library only.
"""
import argparse
import copy
import json
import math
import os
import random
import re
import sys

ALL_FEATURES = ['basic', 'math', 'branches', 'loops', 'arrays', 'detach',
                'nograd', 'refs', 'casts', 'calls', 'structs',
                'nograd_compound', 'const_writes']
DEFAULT_FEATURES = ['basic', 'math', 'branches', 'loops', 'arrays', 'detach',
                    'nograd', 'refs', 'casts', 'nograd_compound', 'const_writes']
# nograd_compound: compound assignments and ++/-- inside no_grad regions;
# const_writes: assignments to GRADGEN_CONST parameters. (Switches to look
# past known gradgen bugs.)

NMAX = 8             # the harness draws n in [1, NMAX]
KMAX = 5             # ... and k in [0, KMAX]
INPUT_BOUND = 2.0    # ... and floating inputs in [-2, 2]
MAXV = 1e6           # no value may exceed this (abstract interpretation)
HELPER_PB = 4.0      # helper arguments are squashed below this


class Reject(Exception):
    """The abstract interpretation found a possible overflow / bad domain."""


def parse_features(text):
    if text in (None, '', 'default'):
        return set(DEFAULT_FEATURES)
    feats = set()
    for f in text.split(','):
        f = f.strip()
        if not f:
            continue
        if f == 'all':
            feats |= set(ALL_FEATURES)
        elif f == 'default':
            feats |= set(DEFAULT_FEATURES)
        elif f.startswith('-'):
            feats.discard(f[1:])
        elif f in ALL_FEATURES:
            feats.add(f)
        else:
            raise ValueError('unknown feature %r (known: %s)' % (f, ','.join(ALL_FEATURES)))
    feats.add('basic')
    return feats


def fmt_const(v):
    s = repr(float(v))
    if 'e' in s or 'E' in s:
        s = '%.17g' % v
        if '.' not in s and 'e' not in s:
            s += '.0'
    if v < 0:
        return '(' + s + ')'
    return s


# ---------------------------------------------------------------------------
# IR. Every node lists its children in _fields as (attribute, category):
#   'E' real expression, 'P' positive-form expression (a denominator), 'C'
#   condition, 'I' integer expression, 'S*' statement list, 'E*' list of
#   real expressions, 'A*' list of call arguments (E / array / int).
# ---------------------------------------------------------------------------

class Node:
    _fields = ()

    def children(self):
        for attr, cat in self._fields:
            yield attr, cat, getattr(self, attr)


class IntE(Node):
    """An integer expression, kept as text plus the names it mentions."""

    def __init__(self, text, names=()):
        self.text = text
        self.names = tuple(names)

    def render(self, R):
        return self.text


# ---- real expressions -----------------------------------------------------

class Const(Node):
    def __init__(self, v):
        self.v = float(v)

    def render(self, R):
        return fmt_const(self.v)


class Var(Node):
    """A double variable or struct member ('s0.a')."""

    def __init__(self, name):
        self.name = name

    def render(self, R):
        return self.name


class Elem(Node):
    _fields = (('idx', 'I'),)

    def __init__(self, arr, idx):
        self.arr = arr
        self.idx = idx

    def render(self, R):
        return '%s[%s]' % (self.arr, self.idx.render(R))


class Neg(Node):
    _fields = (('a', 'E'),)

    def __init__(self, a):
        self.a = a

    def render(self, R):
        return '(-%s)' % wrap(self.a.render(R))


class Bin(Node):
    _fields = (('a', 'E'), ('b', 'E'))

    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b

    def render(self, R):
        return '(%s %s %s)' % (self.a.render(R), self.op, self.b.render(R))


class Div(Node):
    _fields = (('a', 'E'), ('den', 'P'))

    def __init__(self, a, den):
        self.a = a
        self.den = den

    def render(self, R):
        return '(%s / %s)' % (self.a.render(R), wrap(self.den.render(R)))


def wrap(s):
    """s, parenthesized unless it is already atomic."""
    if s.startswith('(') and s.endswith(')'):
        depth = 0
        for i, ch in enumerate(s):
            depth += ch == '('
            depth -= ch == ')'
            if depth == 0 and i != len(s) - 1:
                return '(' + s + ')'
        return s
    if re.fullmatch(r'[A-Za-z_0-9.]+(\[[A-Za-z_0-9 +%-]*\])?', s):
        return s
    return '(' + s + ')'


class FormSpec:
    """A math function on a safe domain, e.g. log(1 + E*E)."""

    def __init__(self, name, tmpl, arity, bfun, argmax=None, positive=None,
                 feature='math', weight=1.0, smooth=True):
        self.name = name
        self.tmpl = tmpl
        self.arity = arity
        self.bfun = bfun
        self.argmax = argmax or [None] * arity
        self.positive = positive   # lower bound if the form is > 0
        self.feature = feature
        self.weight = weight
        self.smooth = smooth


def _sq(b):
    return b * b


FORMS = [
    FormSpec('sin', '{M}sin({0})', 1, lambda b: 1.0, weight=2),
    FormSpec('cos', '{M}cos({0})', 1, lambda b: 1.0, weight=2),
    FormSpec('tan', '{M}tan(1.2 * {M}tanh({0}))', 1, lambda b: 2.6),
    FormSpec('asin', '{M}asin(0.9 * {M}tanh({0}))', 1, lambda b: 1.2),
    FormSpec('acos', '{M}acos(0.9 * {M}tanh({0}))', 1, lambda b: 3.2),
    FormSpec('atan', '{M}atan({0})', 1, lambda b: 1.6),
    FormSpec('atan2a', '{M}atan2({0}, 1.0 + {1} * {1})', 2, lambda b, c: 3.2),
    FormSpec('atan2b', '{M}atan2({0} * {0} + 0.5, {1})', 2, lambda b, c: 3.2),
    FormSpec('atan2', '{M}atan2({0}, {1})', 2, lambda b, c: 3.2, weight=0.5, smooth=False),
    FormSpec('sinh', '{M}sinh({0})', 1, lambda b: math.sinh(b), argmax=[8.0]),
    FormSpec('cosh', '{M}cosh({0})', 1, lambda b: math.cosh(b), argmax=[8.0]),
    FormSpec('tanh', '{M}tanh({0})', 1, lambda b: 1.0, weight=2),
    FormSpec('asinh', '{M}asinh({0})', 1, lambda b: math.asinh(b)),
    FormSpec('acosh', '{M}acosh(1.5 + {0} * {0})', 1, lambda b: math.acosh(1.5 + b * b), argmax=[1e3]),
    FormSpec('atanh', '{M}atanh(0.9 * {M}tanh({0}))', 1, lambda b: 1.5),
    FormSpec('atanh2', '{M}atanh(0.8 * {M}sin({0}))', 1, lambda b: 1.1),
    FormSpec('exp', '{M}exp({0})', 1, lambda b: math.exp(b), argmax=[8.0], weight=1.5),
    FormSpec('exp2', '{M}exp2({0})', 1, lambda b: 2.0 ** b, argmax=[12.0]),
    FormSpec('expm1', '{M}expm1({0})', 1, lambda b: math.expm1(b), argmax=[8.0]),
    FormSpec('log', '{M}log(1.0 + {0} * {0})', 1, lambda b: math.log1p(b * b), argmax=[1e5], weight=1.5),
    FormSpec('logs', '{M}log(2.0 + {M}sin({0}))', 1, lambda b: 1.1),
    FormSpec('log2', '{M}log2(1.0 + {0} * {0})', 1, lambda b: math.log1p(b * b) / math.log(2), argmax=[1e5]),
    FormSpec('log10', '{M}log10(1.5 + {M}cos({0}))', 1, lambda b: 0.7),
    FormSpec('log1p', '{M}log1p({0} * {0})', 1, lambda b: math.log1p(b * b), argmax=[1e5]),
    FormSpec('log1pt', '{M}log1p(0.9 * {M}tanh({0}))', 1, lambda b: 2.31),
    FormSpec('powp', '{M}pow(1.5 + {M}tanh({0}), {1})', 2, lambda b, c: 2.5 ** c, argmax=[None, 8.0]),
    FormSpec('pow2', '{M}pow({0}, 2.0)', 1, lambda b: b * b, argmax=[1e3]),
    FormSpec('pow3', '{M}pow({0}, 3)', 1, lambda b: b ** 3, argmax=[50.0]),
    FormSpec('powc', '{M}pow(0.5 + {0} * {0}, 0.75)', 1, lambda b: (0.5 + b * b) ** 0.75, argmax=[1e3]),
    FormSpec('sqrt', '{M}sqrt(1.0 + {0} * {0})', 1, lambda b: math.sqrt(1 + b * b), argmax=[1e5], weight=1.5),
    FormSpec('sqrt2', '{M}sqrt({0} * {0} + 0.25)', 1, lambda b: math.sqrt(0.25 + b * b), argmax=[1e5]),
    FormSpec('sqrts', '{M}sqrt(2.0 + {M}sin({0}))', 1, lambda b: 1.8),
    FormSpec('cbrt', '{M}cbrt(1.5 + {M}tanh({0}))', 1, lambda b: 1.4),
    FormSpec('cbrt2', '{M}cbrt({0} * {0} + 1.0)', 1, lambda b: (1 + b * b) ** (1 / 3), argmax=[1e5]),
    FormSpec('hypot', '{M}hypot({0}, {1})', 2, lambda b, c: b + c, smooth=False),
    FormSpec('hypot2', '{M}hypot({0}, 0.5)', 1, lambda b: b + 0.5),
    FormSpec('fabs', '{M}fabs({0})', 1, lambda b: b, smooth=False),
    FormSpec('fmin', '{M}fmin({0}, {1})', 2, lambda b, c: max(b, c), smooth=False),
    FormSpec('fmax', '{M}fmax({0}, {1})', 2, lambda b, c: max(b, c), smooth=False),
    FormSpec('erf', '{M}erf({0})', 1, lambda b: 1.0),
    FormSpec('erfc', '{M}erfc({0})', 1, lambda b: 2.0),
    FormSpec('fma', '{M}fma({0}, {1}, {2})', 3, lambda a, b, c: a * b + c),
    # squashing and positive forms (denominators)
    FormSpec('ratsq', '{0} / (1.0 + {0} * {0})', 1, lambda b: 0.5, argmax=[1e5], feature='basic', weight=0),
    FormSpec('pos_sq', '(1.0 + {0} * {0})', 1, lambda b: 1 + b * b, argmax=[1e3], positive=1.0, feature='basic', weight=0),
    FormSpec('pos_sq2', '(0.5 + {0} * {0})', 1, lambda b: 0.5 + b * b, argmax=[1e3], positive=0.5, feature='basic', weight=0),
    FormSpec('pos_sin', '(1.5 + {M}sin({0}))', 1, lambda b: 2.5, positive=0.5, weight=0),
    FormSpec('pos_tanh', '(2.0 + {M}tanh({0}))', 1, lambda b: 3.0, positive=1.0, weight=0),
    FormSpec('pos_abs', '(1.0 + {M}fabs({0}))', 1, lambda b: 1 + b, positive=1.0, weight=0),
    FormSpec('pos_exp', '{M}exp(0.5 * {M}tanh({0}))', 1, lambda b: 1.65, positive=0.6, weight=0),
    FormSpec('pos_sqrt', '{M}sqrt(1.0 + {0} * {0})', 1, lambda b: math.sqrt(1 + b * b), argmax=[1e5], positive=1.0, weight=0),
    FormSpec('pos_cosh', '{M}cosh({0})', 1, lambda b: math.cosh(b), argmax=[8.0], positive=1.0, weight=0),
]
FORM_BY_NAME = {f.name: f for f in FORMS}


class Form(Node):
    _fields = (('args', 'E*'),)

    def __init__(self, spec, args, prefix='std::'):
        self.spec = spec if isinstance(spec, str) else spec.name
        self.args = list(args)
        self.prefix = prefix

    @property
    def fs(self):
        return FORM_BY_NAME[self.spec]

    def render(self, R):
        M = 'gg_test::' if R.fwd else self.prefix
        args = [wrap(a.render(R)) for a in self.args]
        return self.fs.tmpl.replace('{M}', M).format(*args)


class Cond(Node):
    _fields = (('c', 'C'), ('a', 'E'), ('b', 'E'))

    def __init__(self, c, a, b):
        self.c = c
        self.a = a
        self.b = b

    def render(self, R):
        return '(%s ? %s : %s)' % (self.c.render(R), self.a.render(R), self.b.render(R))


class Detach(Node):
    _fields = (('a', 'E'),)

    def __init__(self, a):
        self.a = a

    def render(self, R):
        if R.fwd:
            return 'gg_test::detach_like(%s)' % self.a.render(R)
        return 'gradgen::detach(%s)' % self.a.render(R)


class CastLD(Node):
    """(double)((long double)A op B) -- computed in long double."""
    _fields = (('a', 'E'), ('b', 'E'))

    def __init__(self, op, a, b, style):
        self.op = op
        self.a = a
        self.b = b
        self.style = style

    def render(self, R):
        a = self.a.render(R)
        b = self.b.render(R)
        if R.fwd:
            return '(%s %s %s)' % (a, self.op, b)
        if self.style == 'c':
            return '((double)((long double)%s %s %s))' % (wrap(a), self.op, wrap(b))
        return 'static_cast<double>(static_cast<long double>(%s) %s %s)' % (a, self.op, wrap(b))


class IntToD(Node):
    _fields = (('i', 'I'),)

    def __init__(self, i, style):
        self.i = i
        self.style = style

    def render(self, R):
        if self.style == 'mul':
            return '(%s * 0.25)' % wrap(self.i.render(R))
        return '(0.25 * static_cast<double>(%s))' % self.i.render(R)


class ArrArg(Node):
    def __init__(self, name):
        self.name = name

    def render(self, R):
        return self.name


class Call(Node):
    _fields = (('args', 'A*'),)

    def __init__(self, helper, args, member=False):
        self.helper = helper
        self.args = list(args)
        self.member = member   # sp.h(p): the first argument is the object

    def render(self, R):
        if self.member:
            rest = ', '.join(a.render(R) for a in self.args[1:])
            return '%s.%s%s(%s)' % (self.args[0].render(R), self.helper, '_fwd' if R.fwd else '', rest)
        args = ', '.join(a.render(R) for a in self.args)
        if R.fwd:
            return '%s_fwd<T>(%s)' % (self.helper, args)
        return '%s(%s)' % (self.helper, args)


class CallMember(Node):
    """h(args).a for a helper returning a struct (a temporary in gradgen)."""
    _fields = (('call', 'E'),)

    def __init__(self, call, field):
        self.call = call
        self.field = field

    def render(self, R):
        return '%s.%s' % (self.call.render(R), self.field)


# ---- conditions -----------------------------------------------------------

class Cmp(Node):
    _fields = (('a', 'E'), ('b', 'E'))

    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b

    def render(self, R):
        return '%s %s %s' % (wrap(self.a.render(R)), self.op, wrap(self.b.render(R)))


class ICmp(Node):
    _fields = (('i', 'I'),)

    def __init__(self, i):
        self.i = i

    def render(self, R):
        return self.i.render(R)


class Logic(Node):
    _fields = (('a', 'C'), ('b', 'C'))

    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b

    def render(self, R):
        return '(%s) %s (%s)' % (self.a.render(R), self.op, self.b.render(R))


class Not(Node):
    _fields = (('a', 'C'),)

    def __init__(self, a):
        self.a = a

    def render(self, R):
        return '!(%s)' % self.a.render(R)


class BoolC(Node):
    def __init__(self, v):
        self.v = v

    def render(self, R):
        return 'true' if self.v else 'false'


# ---- statements -----------------------------------------------------------

class Decl(Node):
    _fields = (('init', 'E'),)

    def __init__(self, name, init, const=False):
        self.name = name
        self.init = init
        self.const = const

    def render(self, R, out, ind):
        init = R.ng_wrap(self.init.render(R))
        out.append('%s%s%s %s = %s;' % (ind, 'const ' if self.const else '', R.real, self.name, init))


class IntDecl(Node):
    def __init__(self, name, value):
        self.name = name
        self.value = value

    def render(self, R, out, ind):
        out.append('%sint %s = %d;' % (ind, self.name, self.value))


class Assign(Node):
    """target op= rhs; target is a Var or an Elem."""
    _fields = (('target', 'T'), ('rhs', 'E'))

    def __init__(self, target, op, rhs):
        self.target = target
        self.op = op
        self.rhs = rhs

    def render(self, R, out, ind):
        t = self.target.render(R)
        if R.fwd and R.ng:
            if self.op == '=':
                rhs = self.rhs.render(R)
            else:
                rhs = '%s %s %s' % (t, self.op[0], wrap(self.rhs.render(R)))
            out.append('%s%s = gg_test::detach_like(%s);' % (ind, t, rhs))
            return
        out.append('%s%s %s %s;' % (ind, t, self.op, self.rhs.render(R)))


class IncDec(Node):
    _fields = (('target', 'T'),)

    def __init__(self, target, op, prefix):
        self.target = target
        self.op = op
        self.prefix = prefix

    def render(self, R, out, ind):
        t = self.target.render(R)
        if R.fwd and R.ng:
            out.append('%s%s = gg_test::detach_like(%s %s 1.0);' % (ind, t, t, self.op[0]))
            return
        if self.prefix:
            out.append('%s%s%s;' % (ind, self.op, t))
        else:
            out.append('%s%s%s;' % (ind, t, self.op))


def render_block(R, stmts, out, ind):
    for s in stmts:
        s.render(R, out, ind)


def is_jump(stmts):
    return len(stmts) == 1 and isinstance(stmts[0], (Break, Continue, Return))


class If(Node):
    _fields = (('c', 'C'), ('then', 'S*'), ('els', 'S*'))

    def __init__(self, c, then, els=None):
        self.c = c
        self.then = then
        self.els = els or []

    def render(self, R, out, ind):
        if not self.els and is_jump(self.then):
            tmp = []
            self.then[0].render(R, tmp, '')
            out.append('%sif (%s) %s' % (ind, self.c.render(R), tmp[0]))
            return
        out.append('%sif (%s) {' % (ind, self.c.render(R)))
        render_block(R, self.then, out, ind + '  ')
        if self.els:
            out.append('%s} else {' % ind)
            render_block(R, self.els, out, ind + '  ')
        out.append('%s}' % ind)


class For(Node):
    _fields = (('body', 'S*'),)

    def __init__(self, var, bound, body, style):
        self.var = var
        self.bound = bound      # IntE
        self.body = body
        self.style = style      # 'up', 'upp', 'upadd', 'down'

    def render(self, R, out, ind):
        v, b = self.var, self.bound.render(R)
        if self.style == 'down':
            head = 'for (int %s = %s - 1; %s >= 0; --%s)' % (v, wrap(b), v, v)
        elif self.style == 'upp':
            head = 'for (int %s = 0; %s < %s; %s++)' % (v, v, b, v)
        elif self.style == 'upadd':
            head = 'for (int %s = 0; %s < %s; %s += 1)' % (v, v, b, v)
        else:
            head = 'for (int %s = 0; %s < %s; ++%s)' % (v, v, b, v)
        out.append('%s%s {' % (ind, head))
        render_block(R, self.body, out, ind + '  ')
        out.append('%s}' % ind)


class While(Node):
    """int CTR = 0; while (CTR < B) { int VAR = CTR; ++CTR; body }  (or do-while)."""
    _fields = (('body', 'S*'),)

    def __init__(self, ctr, var, bound, body, do):
        self.ctr = ctr
        self.var = var
        self.bound = bound
        self.body = body
        self.do = do

    def render(self, R, out, ind):
        out.append('%sint %s = 0;' % (ind, self.ctr))
        b = self.bound.render(R)
        out.append('%s%s {' % (ind, 'do' if self.do else 'while (%s < %s)' % (self.ctr, b)))
        if uses_name(self.body, self.var):
            out.append('%s  int %s = %s;' % (ind, self.var, self.ctr))
        out.append('%s  ++%s;' % (ind, self.ctr))
        render_block(R, self.body, out, ind + '  ')
        if self.do:
            out.append('%s} while (%s < %s);' % (ind, self.ctr, b))
        else:
            out.append('%s}' % ind)


class DataWhile(Node):
    """int CTR = 0; while (COND && CTR < CAP) { ++CTR; body }
    (or do { ++CTR; body } while (COND && CTR < CAP);)"""
    _fields = (('c', 'C'), ('body', 'S*'))

    def __init__(self, ctr, c, cap, body, do=False):
        self.ctr = ctr
        self.c = c
        self.cap = cap
        self.body = body
        self.do = do

    def render(self, R, out, ind):
        out.append('%sint %s = 0;' % (ind, self.ctr))
        test = '(%s) && %s < %d' % (self.c.render(R), self.ctr, self.cap)
        out.append('%s%s {' % (ind, 'do' if self.do else 'while (%s)' % test))
        out.append('%s  ++%s;' % (ind, self.ctr))
        render_block(R, self.body, out, ind + '  ')
        out.append('%s}%s' % (ind, ' while (%s);' % test if self.do else ''))


class Break(Node):
    def render(self, R, out, ind):
        out.append('%sbreak;' % ind)


class Continue(Node):
    def render(self, R, out, ind):
        out.append('%scontinue;' % ind)


class Return(Node):
    _fields = (('e', 'E'),)

    def __init__(self, e):
        self.e = e

    def render(self, R, out, ind):
        out.append('%sreturn %s;' % (ind, self.e.render(R)))


class ReturnObj(Node):
    """return NAME; for a local struct (helpers returning structs)."""
    _fields = ()

    def __init__(self, name):
        self.name = name

    def render(self, R, out, ind):
        out.append('%sreturn %s;' % (ind, self.name))


class Case(Node):
    _fields = (('body', 'S*'),)

    def __init__(self, labels, body, end):
        self.labels = labels    # list of ints; None = default
        self.body = body
        self.end = end          # 'break' | 'fallthrough' | 'none'


class Switch(Node):
    _fields = (('cases', 'K*'),)

    def __init__(self, subj, cases):
        self.subj = subj
        self.cases = cases

    def render(self, R, out, ind):
        out.append('%sswitch (%s) {' % (ind, self.subj.render(R)))
        for c in self.cases:
            for lab in c.labels:
                out.append('%s%s:' % (ind, 'default' if lab is None else 'case %d' % lab))
            out.append('%s  {' % ind)
            render_block(R, c.body, out, ind + '    ')
            out.append('%s  }' % ind)
            if c.end == 'break':
                out.append('%s  break;' % ind)
            elif c.end == 'fallthrough':
                out.append('%s  [[fallthrough]];' % ind)
        out.append('%s}' % ind)


class Block(Node):
    _fields = (('body', 'S*'),)

    def __init__(self, body):
        self.body = body

    def render(self, R, out, ind):
        out.append('%s{' % ind)
        render_block(R, self.body, out, ind + '  ')
        out.append('%s}' % ind)


class NoGrad(Node):
    """{ pre...; gradgen::no_grad G; body... }"""
    _fields = (('pre', 'S*'), ('body', 'S*'))

    def __init__(self, guard, pre, body):
        self.guard = guard
        self.pre = pre
        self.body = body

    def render(self, R, out, ind):
        out.append('%s{' % ind)
        render_block(R, self.pre, out, ind + '  ')
        if not R.fwd:
            out.append('%s  gradgen::no_grad %s;' % (ind, self.guard))
        else:
            out.append('%s  // no_grad: assignments below keep values only' % ind)
        old = R.ng
        R.ng = True
        render_block(R, self.body, out, ind + '  ')
        R.ng = old
        out.append('%s}' % ind)


class ArrDecl(Node):
    _fields = (('inits', 'E*'),)

    def __init__(self, name, size, inits):
        self.name = name
        self.size = size
        self.inits = inits      # list (may be empty: zero-initialized)

    def render(self, R, out, ind):
        vals = ', '.join(R.ng_wrap(e.render(R)) for e in self.inits)
        out.append('%s%s %s[%d] = {%s};' % (ind, R.real, self.name, self.size, vals))


class StructDecl(Node):
    _fields = (('inits', 'E*'),)

    def __init__(self, name, sname, inits, ival, style, src=None):
        self.name = name
        self.sname = sname
        self.inits = inits
        self.ival = ival
        self.style = style      # 'brace', 'eqbrace', 'copy', 'call'
        self.src = src

    def render(self, R, out, ind):
        ty = '%s_t<T>' % self.sname if R.fwd else self.sname
        if self.style == 'call':
            # inits[0] is a call of a helper returning the struct.
            out.append('%s%s %s = %s;' % (ind, ty, self.name, self.inits[0].render(R)))
            return
        if self.style == 'copy':
            if R.fwd and R.ng:
                out.append('%s%s %s = {gg_test::detach_like(%s.a), gg_test::detach_like(%s.b), %s.m};'
                           % (ind, ty, self.name, self.src, self.src, self.src))
            else:
                out.append('%s%s %s = %s;' % (ind, ty, self.name, self.src))
            return
        vals = ', '.join(R.ng_wrap(e.render(R)) for e in self.inits)
        if self.style == 'brace':
            out.append('%s%s %s{%s, %d};' % (ind, ty, self.name, vals, self.ival))
        else:
            out.append('%s%s %s = {%s, %d};' % (ind, ty, self.name, vals, self.ival))


class CallStmt(Node):
    _fields = (('args', 'A*'),)

    def __init__(self, helper, args):
        self.helper = helper
        self.args = list(args)

    def render(self, R, out, ind):
        out.append('%s%s;' % (ind, Call(self.helper, self.args).render(R)))


# ---------------------------------------------------------------------------
# Rendering context
# ---------------------------------------------------------------------------

class Renderer:
    def __init__(self, fwd):
        self.fwd = fwd
        self.ng = False
        self.real = 'T' if fwd else 'double'

    def ng_wrap(self, text):
        if self.fwd and self.ng:
            return 'gg_test::detach_like(%s)' % text
        return text


def walk(node):
    """All nodes below (and including) node, depth first."""
    yield node
    for _, cat, val in node.children():
        if isinstance(val, list):
            for v in val:
                if isinstance(v, Node):
                    yield from walk(v)
        elif isinstance(val, Node):
            yield from walk(val)


def walk_list(stmts):
    for s in stmts:
        yield from walk(s)


def names_used(node):
    """Names read or written by node and its children (base names)."""
    res = set()
    for n in walk(node):
        if isinstance(n, Var):
            res.add(n.name.split('.')[0])
        elif isinstance(n, Elem):
            res.add(n.arr)
        elif isinstance(n, IntE):
            res.update(n.names)
        elif isinstance(n, ArrArg):
            res.add(n.name)
        elif isinstance(n, StructDecl) and n.src:
            res.add(n.src)
        elif isinstance(n, For):
            res.update(n.bound.names)
        elif isinstance(n, While):
            res.update(n.bound.names)
        elif isinstance(n, Switch):
            res.update(n.subj.names)
    return res


def uses_name(stmts, name):
    for s in stmts:
        if name in names_used(s):
            return True
    return False


# ---------------------------------------------------------------------------
# Functions and programs
# ---------------------------------------------------------------------------

class Param:
    """kind: scalar | array | ref | n | k | idx."""

    def __init__(self, name, kind, active=True, const_attr=False,
                 writable=False, style='ptr'):
        self.name = name
        self.kind = kind
        self.active = active
        self.const_attr = const_attr
        self.writable = writable
        self.style = style

    def decl(self, real, annotate=True):
        pre = 'GRADGEN_CONST ' if (self.const_attr and annotate) else ''
        if self.kind == 'scalar':
            return '%s%s %s' % (pre, real, self.name)
        if self.kind == 'ref':
            return '%s%s &%s' % (pre, real, self.name)
        if self.kind == 'array':
            c = '' if self.writable else 'const '
            if self.style == 'brackets':
                return '%s%s%s %s[]' % (pre, c, real, self.name)
            return '%s%s%s *%s' % (pre, c, real, self.name)
        if self.kind in ('n', 'k'):
            return 'int %s' % self.name
        if self.kind == 'idx':
            return 'const int *%s' % self.name
        if self.kind == 'struct':
            return 'const %s%s &%s' % (self.style, '_t<T>' if real == 'T' else '', self.name)
        raise ValueError(self.kind)

    @property
    def floating(self):
        return self.kind in ('scalar', 'ref', 'array')


class StructDef:
    def __init__(self, name):
        self.name = name
        self.members = []   # helper names defined as const member functions

    def render(self, fwd):
        decls = ''.join('  %s %s%s(%s p) const;\n' % ('T' if fwd else 'double', m, '_fwd' if fwd else '',
                                                      'T' if fwd else 'double')
                        for m in self.members)
        if fwd:
            return ('template <class T> struct %s_t {\n  T a;\n  T b;\n  int m;\n%s};\n' % (self.name, decls))
        return 'struct %s {\n  double a;\n  double b;\n  int m;\n%s};\n' % (self.name, decls)


class Func:
    def __init__(self, name, params, body, ret='double', helper_kind=None):
        self.name = name
        self.params = params
        self.body = body
        self.ret = ret            # 'double' | 'void'
        self.annotated = True
        self.helper_kind = helper_kind   # None for main functions
        self.flags = set()        # 'nofd'
        self.calls = set()        # helpers called (direct)
        self.struct_param = None  # struct name for 'struct' helpers
        self.member = False       # a 'struct' helper written as sp.h(p)
        self.summary = None       # helper bound summary
        self.seed = None

    def testable(self):
        return self.annotated and self.ret == 'double' and self.struct_param is None

    def sig(self, fwd=False, annotate=True, name=None):
        real = 'T' if fwd else 'double'
        parts = [p.decl(real, annotate and not fwd) for p in self.params]
        if self.ret in ('double', 'void'):
            ret = real if self.ret == 'double' else 'void'
        else:
            ret = '%s_t<T>' % self.ret if fwd else self.ret
        nm = name or (self.name + '_fwd' if fwd else self.name)
        return '%s %s(%s)' % (ret, nm, ', '.join(parts))

    def render(self, fwd, annotate=True):
        R = Renderer(fwd)
        out = []
        if self.member:
            # double S::h(double p) const { const S &sp = *this; ... }
            st = self.struct_param
            if fwd:
                out.append('template <class T>')
                out.append('T %s_t<T>::%s_fwd(T p) const {' % (st, self.name))
                out.append('  const %s_t<T> &sp = *this;' % st)
            else:
                out.append('double %s::%s(double p) const {' % (st, self.name))
                out.append('  const %s &sp = *this;' % st)
            render_block(R, self.body, out, '  ')
            out.append('}')
            return '\n'.join(out) + '\n'
        if fwd:
            out.append('template <class T>')
            out.append(self.sig(True) + ' {')
        else:
            ann = 'GRADGEN_DIFFERENTIABLE ' if (self.annotated and annotate) else ''
            out.append(ann + self.sig(False, annotate) + ' {')
        render_block(R, self.body, out, '  ')
        out.append('}')
        return '\n'.join(out) + '\n'

    def grad_decl(self, name=None):
        nm = name or self.name
        parts = [p.decl('double', annotate=False) for p in self.params]
        for p in self.params:
            if p.floating and p.active:
                parts.append('double *d_%s' % p.name)
        return 'double %s_grad(%s)' % (nm, ', '.join(parts))

    def slots(self):
        """Floating parameters in order: (name, kind, active)."""
        return [(p.name, p.kind, p.active, p.kind == 'ref' or (p.kind == 'array' and p.writable))
                for p in self.params if p.floating]

    def size(self):
        return sum(1 for _ in walk_list(self.body))


class Program:
    def __init__(self, seed, features, structs, helpers, funcs, math_style):
        self.seed = seed
        self.features = features
        self.structs = structs
        self.helpers = helpers
        self.funcs = funcs
        self.math_style = math_style

    def tested(self, funcs=None):
        funcs = self.funcs if funcs is None else funcs
        return [h for h in self.helpers if h.testable()] + list(funcs)


# ---------------------------------------------------------------------------
# Abstract interpretation of magnitude bounds (weak updates everywhere)
# ---------------------------------------------------------------------------

class AI:
    def __init__(self, helpers):
        self.helpers = {h.name: h for h in helpers}

    def check(self, b):
        if not (b <= MAXV) or b != b:
            raise Reject()
        return b

    def expr(self, e, env):
        if isinstance(e, Const):
            return abs(e.v)
        if isinstance(e, Var):
            if e.name not in env:
                raise Reject()
            return env[e.name]
        if isinstance(e, Elem):
            if e.arr not in env:
                raise Reject()
            return env[e.arr]
        if isinstance(e, Neg):
            return self.expr(e.a, env)
        if isinstance(e, Bin):
            a, b = self.expr(e.a, env), self.expr(e.b, env)
            return self.check(a * b if e.op == '*' else a + b)
        if isinstance(e, Div):
            a = self.expr(e.a, env)
            if not isinstance(e.den, Form) or e.den.fs.positive is None:
                raise Reject()
            self.expr(e.den, env)
            return self.check(a / e.den.fs.positive)
        if isinstance(e, Form):
            fs = e.fs
            bs = [self.expr(a, env) for a in e.args]
            for b, m in zip(bs, fs.argmax):
                if m is not None and b > m:
                    raise Reject()
            try:
                return self.check(fs.bfun(*bs))
            except OverflowError:
                raise Reject()
        if isinstance(e, Cond):
            self.cond(e.c, env)
            return max(self.expr(e.a, env), self.expr(e.b, env))
        if isinstance(e, Detach):
            return self.expr(e.a, env)
        if isinstance(e, CastLD):
            a, b = self.expr(e.a, env), self.expr(e.b, env)
            return self.check(a * b if e.op == '*' else a + b)
        if isinstance(e, IntToD):
            return 0.25 * (NMAX + 8)
        if isinstance(e, CallMember):
            return self.expr(e.call, env)
        if isinstance(e, Call):
            h = self.helpers[e.helper]
            for a, p in zip(e.args, h.params):
                if p.kind in ('scalar',):
                    if self.expr(a, env) > HELPER_PB:
                        raise Reject()
                elif p.kind == 'array':
                    if env.get(a.name, 0.0) > HELPER_PB:
                        raise Reject()
                elif p.kind == 'struct':
                    if max(env.get(a.name + '.a', 0), env.get(a.name + '.b', 0)) > HELPER_PB:
                        raise Reject()
            return h.summary['ret']
        raise TypeError(type(e))

    def cond(self, c, env):
        if isinstance(c, Cmp):
            self.expr(c.a, env)
            self.expr(c.b, env)
        elif isinstance(c, Logic):
            self.cond(c.a, env)
            self.cond(c.b, env)
        elif isinstance(c, Not):
            self.cond(c.a, env)

    def tkey(self, t):
        return t.name if isinstance(t, Var) else t.arr

    def update(self, env, key, val):
        self.check(val)
        env[key] = max(env.get(key, 0.0), val)

    def stmts(self, ss, env):
        for s in ss:
            self.stmt(s, env)

    def loop(self, body, env, trips, pre=None):
        for _ in range(trips):
            before = dict(env)
            if pre:
                pre(env)
            self.stmts(body, env)
            if env == before:
                break

    def stmt(self, s, env):
        if isinstance(s, Decl):
            self.update(env, s.name, self.expr(s.init, env))
        elif isinstance(s, IntDecl):
            pass
        elif isinstance(s, Assign):
            key = self.tkey(s.target)
            if key not in env:
                raise Reject()
            cur = env[key]
            if s.op == '/=':
                if not isinstance(s.rhs, Form) or s.rhs.fs.positive is None:
                    raise Reject()
                self.expr(s.rhs, env)
                new = cur / s.rhs.fs.positive
            else:
                b = self.expr(s.rhs, env)
                new = {'=': b, '+=': cur + b, '-=': cur + b, '*=': cur * b}[s.op]
            self.update(env, key, new)
        elif isinstance(s, IncDec):
            key = self.tkey(s.target)
            self.update(env, key, env.get(key, 0.0) + 1.0)
        elif isinstance(s, If):
            self.cond(s.c, env)
            e1 = dict(env)
            self.stmts(s.then, e1)
            e2 = dict(env)
            self.stmts(s.els, e2)
            for k in env:
                env[k] = max(e1[k], e2[k])
        elif isinstance(s, For):
            trips = NMAX if s.bound.names else int(s.bound.text)
            self.loop(s.body, env, trips)
        elif isinstance(s, While):
            trips = NMAX if s.bound.names else int(s.bound.text)
            self.loop(s.body, env, trips)
        elif isinstance(s, DataWhile):
            self.loop(s.body, env, s.cap, pre=lambda en: self.cond(s.c, en))
        elif isinstance(s, (Break, Continue)):
            pass
        elif isinstance(s, Return):
            self.expr(s.e, env)
        elif isinstance(s, ReturnObj):
            if s.name + '.a' not in env:
                raise Reject()
        elif isinstance(s, Switch):
            for c in s.cases:
                self.stmts(c.body, env)
        elif isinstance(s, Block):
            self.stmts(s.body, env)
        elif isinstance(s, NoGrad):
            self.stmts(s.pre, env)
            self.stmts(s.body, env)
        elif isinstance(s, ArrDecl):
            b = 0.0
            for e in s.inits:
                b = max(b, self.expr(e, env))
            self.update(env, s.name, b)
        elif isinstance(s, StructDecl):
            if s.style == 'call':
                b = self.expr(s.inits[0], env)
                for f in ('a', 'b'):
                    self.update(env, s.name + '.' + f, b)
            elif s.style == 'copy':
                for f in ('a', 'b'):
                    self.update(env, s.name + '.' + f, env[s.src + '.' + f])
            else:
                for f, e in zip(('a', 'b'), s.inits):
                    self.update(env, s.name + '.' + f, self.expr(e, env))
        elif isinstance(s, CallStmt):
            h = self.helpers[s.helper]
            self.expr(Call(s.helper, s.args), env)
            for a, p in zip(s.args, h.params):
                if p.kind in ('ref', 'array') and p.writable:
                    # the reducer may put a non-lvalue here: not a program
                    if not isinstance(a, (Var, ArrArg)):
                        raise Reject('written argument is not an lvalue')
                    self.update(env, a.name, h.summary['out'])
        else:
            raise TypeError(type(s))

    def function(self, fn, env0=None):
        env = dict(env0 or {})
        if env0 is None:
            b = HELPER_PB if fn.helper_kind else INPUT_BOUND
            for p in fn.params:
                if p.floating:
                    env[p.name] = b
                elif p.kind == 'struct':
                    env[p.name + '.a'] = env[p.name + '.b'] = b
        self.stmts(fn.body, env)
        return env


def return_bound(ai, fn, env0):
    """Max bound of any returned value and of any written out-parameter."""
    rets = [0.0]
    env = dict(env0)

    class Spy(AI):
        pass
    spy = Spy(list(ai.helpers.values()))
    orig = spy.stmt

    def stmt(s, en):
        if isinstance(s, Return):
            rets.append(spy.expr(s.e, en))
        if isinstance(s, ReturnObj):
            rets.append(max(en.get(s.name + '.a', MAXV * 2), en.get(s.name + '.b', MAXV * 2)))
        orig(s, en)
    spy.stmt = stmt
    spy.stmts(fn.body, env)
    outs = [env[p.name] for p in fn.params if p.kind in ('ref', 'array') and p.writable]
    return max(rets), max(outs) if outs else 0.0


# ---------------------------------------------------------------------------
# Validation (used by the reducer): scopes, jumps, denominators, bounds
# ---------------------------------------------------------------------------

def validate(fn, helpers):
    """True if fn is well-formed: every name declared before use, jumps
    inside loops, and the bound analysis accepts it."""
    hnames = {h.name: h for h in helpers}
    ok = [True]

    def check_names(node, scope):
        for n in names_used(node):
            if n not in scope:
                ok[0] = False

    def expr_ok(e, scope):
        for n in walk(e):
            if isinstance(n, Call) and n.helper not in hnames:
                ok[0] = False
        check_names(e, scope)

    def block(stmts, scope, in_loop, in_switch):
        scope = set(scope)
        for s in stmts:
            stmt(s, scope, in_loop, in_switch)
        return scope

    def stmt(s, scope, in_loop, in_switch):
        if isinstance(s, Decl):
            expr_ok(s.init, scope)
            scope.add(s.name)
        elif isinstance(s, IntDecl):
            scope.add(s.name)
        elif isinstance(s, (Assign, IncDec, Return, CallStmt)):
            expr_ok(s, scope)
        elif isinstance(s, If):
            expr_ok(s.c, scope)
            block(s.then, scope, in_loop, in_switch)
            block(s.els, scope, in_loop, in_switch)
        elif isinstance(s, For):
            check_names(s.bound, scope)
            block(s.body, scope | {s.var}, True, False)
        elif isinstance(s, While):
            check_names(s.bound, scope)
            scope.add(s.ctr)
            block(s.body, scope | {s.var}, True, False)
        elif isinstance(s, DataWhile):
            scope.add(s.ctr)
            expr_ok(s.c, scope)
            block(s.body, scope, True, False)
        elif isinstance(s, Break):
            if not in_loop or in_switch:
                ok[0] = False
        elif isinstance(s, Continue):
            if not in_loop:
                ok[0] = False
        elif isinstance(s, Switch):
            check_names(s.subj, scope)
            for c in s.cases:
                block(c.body, scope, in_loop, True)
        elif isinstance(s, Block):
            block(s.body, scope, in_loop, in_switch)
        elif isinstance(s, NoGrad):
            sc = block(s.pre, scope, in_loop, in_switch)
            block(s.body, sc, in_loop, in_switch)
        elif isinstance(s, ArrDecl):
            for e in s.inits:
                expr_ok(e, scope)
            scope.add(s.name)
        elif isinstance(s, StructDecl):
            for e in s.inits:
                expr_ok(e, scope)
            if s.src and s.src not in scope:
                ok[0] = False
            if s.style == 'call' and not (len(s.inits) == 1 and isinstance(s.inits[0], Call)):
                ok[0] = False
            scope.add(s.name)
        elif isinstance(s, ReturnObj):
            if s.name not in scope:
                ok[0] = False
        else:
            ok[0] = False

    scope = {p.name for p in fn.params}
    block(fn.body, scope, False, False)
    if not fn.body or (fn.ret == 'double' and not isinstance(fn.body[-1], Return)):
        return False
    if not ok[0]:
        return False
    # a void helper has no `return e;`
    if fn.ret != 'double' and any(isinstance(t, Return) for t in walk_list(fn.body)):
        return False
    # no return inside a no_grad region
    for s in walk_list(fn.body):
        if isinstance(s, NoGrad):
            if any(isinstance(t, Return) for t in walk_list(s.body)):
                return False
    try:
        AI(helpers).function(fn)
    except (Reject, KeyError):
        return False
    return True


# ---------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------

class VarInfo:
    def __init__(self, name, kind, assignable=True, length=None, lo=0, hi=None,
                 sname=None):
        self.name = name
        self.kind = kind            # 'd' | 'arr' | 'int' | 'struct'
        self.assignable = assignable
        self.length = length        # arrays: 'n' or int
        self.lo = lo                # ints: range [lo, hi)
        self.hi = hi                # 'n' or int
        self.sname = sname


class Ctx:
    def __init__(self, fn):
        self.fn = fn
        self.scopes = [{}]
        self.env = {}
        self.loop_depth = 0
        self.in_switch = False
        self.in_nograd = False
        self.depth = 0
        self.used = set()
        self.decl_order = [[]]
        self.need_acc = False

    def push(self):
        self.scopes.append({})
        self.decl_order.append([])

    def pop(self):
        self.scopes.pop()
        return self.decl_order.pop()

    def add(self, vi):
        self.scopes[-1][vi.name] = vi
        self.decl_order[-1].append(vi)

    def all(self):
        res = {}
        for s in self.scopes:
            res.update(s)
        return list(res.values())

    def of(self, kind):
        return [v for v in self.all() if v.kind == kind]


class Gen:
    def __init__(self, seed, features, math_style='mixed'):
        self.rng = random.Random(seed)
        self.allow_nofd = True
        self.sq_arith = False
        self.fn_prefix = 'std::'
        self.features = set(features)
        self.math_style = math_style
        self.helpers = []
        self.structs = []
        self.counter = 0
        self.forms = [f for f in FORMS if f.weight > 0 and f.feature in self.features]

    def has(self, f):
        return f in self.features

    def fresh(self, prefix):
        self.counter += 1
        return '%s%d' % (prefix, self.counter)

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, weighted):
        items = [(w, x) for w, x in weighted if w > 0]
        tot = sum(w for w, _ in items)
        r = self.rng.random() * tot
        for w, x in items:
            r -= w
            if r <= 0:
                return x
        return items[-1][1]

    def const(self):
        r = self.rng.random()
        if r < 0.6:
            return Const(self.rng.choice([0.5, 1.5, 2.0, 0.25, 3.0, 0.1, 0.75, 1.0, 1.25, 0.3, 2.5, 0.125]))
        if r < 0.8:
            return Const((round(self.rng.uniform(-3, 3), 3) + 0.0) or 0.5)
        return Const(round(self.rng.uniform(0.05, 2), 2))

    def prefix(self):
        if self.math_style == 'std':
            return 'std::'
        if self.math_style == 'global':
            return ''
        return self.fn_prefix

    # ---- integer expressions ------------------------------------------

    def ints(self, ctx):
        return [v for v in ctx.of('int')]

    def len_name(self, ctx):
        for p in ctx.fn.params:
            if p.kind == 'n':
                return p.name
        return None

    def index(self, ctx, length):
        """An index expression provably in [0, length); length is the name
        of an int parameter ('n', 'm') or an int."""
        sym = isinstance(length, str)
        lt = length if sym else str(length)
        ln = [lt] if sym else []
        c = []
        nname = self.len_name(ctx)
        hasidx = any(p.kind == 'idx' for p in ctx.fn.params)
        hask = any(p.kind == 'k' for p in ctx.fn.params)
        for v in self.ints(ctx):
            direct = (v.hi == length) or (isinstance(v.hi, int) and not sym and v.hi <= length)
            if direct:
                c.append((4, IntE(v.name, [v.name])))
                if v.lo == 0:
                    c.append((1, IntE('%s - 1 - %s' % (lt, v.name), [v.name] + ln)))
                if hasidx and sym and v.hi == 'n' and length == 'n':
                    c.append((2, IntE('idx[%s]' % v.name, ['idx', v.name])))
            if v.lo >= 0:
                off = self.rng.randint(1, 3)
                c.append((1, IntE('(%s + %d) %% %s' % (v.name, off, lt), [v.name] + ln)))
                c.append((1, IntE('%s %% %s' % (v.name, lt), [v.name] + ln)))
                if hasidx and v.hi == 'n' and not sym:
                    c.append((1, IntE('idx[%s] %% %d' % (v.name, length), ['idx', v.name])))
        if sym:
            c.append((1, IntE('0')))
            c.append((1, IntE('%s - 1' % lt, ln)))
            c.append((0.5, IntE('%s / 2' % lt, ln)))
            if hasidx and length == 'n':
                c.append((0.7, IntE('idx[0]', ['idx'])))
                c.append((0.5, IntE('idx[n - 1]', ['idx', 'n'])))
            if hask:
                c.append((0.7, IntE('k %% %s' % lt, ['k'] + ln)))
        else:
            c.append((1.5, IntE(str(self.rng.randint(0, length - 1)))))
            if nname:
                c.append((0.5, IntE('(%s - 1) %% %d' % (nname, length), [nname])))
            if hask:
                c.append((0.7, IntE('k %% %d' % length, ['k'])))
        return self.pick(c)

    def small_int(self, ctx, mod):
        """An int expression in [0, mod) for switch subjects."""
        c = []
        for v in self.ints(ctx):
            if v.lo >= 0:
                c.append((2, IntE('%s %% %d' % (v.name, mod), [v.name])))
                if any(p.kind == 'k' for p in ctx.fn.params):
                    c.append((1, IntE('(%s + k) %% %d' % (v.name, mod), [v.name, 'k'])))
        for p in ctx.fn.params:
            if p.kind in ('n', 'k'):
                c.append((1, IntE('%s %% %d' % (p.name, mod), [p.name])))
        if not c:
            return None
        return self.pick(c)

    def any_int(self, ctx):
        c = [IntE(v.name, [v.name]) for v in self.ints(ctx)]
        c += [IntE(p.name, [p.name]) for p in ctx.fn.params if p.kind in ('n', 'k')]
        return self.rng.choice(c) if c else None

    # ---- real expressions ---------------------------------------------

    def squash(self, ctx, e, target=3.0):
        opts = [(1, lambda: Form('ratsq', [e], self.prefix()))]
        if self.has('math') and not self.sq_arith:
            opts += [(3, lambda: Bin('*', Const(target), Form('tanh', [e], self.prefix()))),
                     (1, lambda: Form('sin', [e], self.prefix())),
                     (1, lambda: Form('atan', [e], self.prefix())),
                     (1, lambda: Form('erf', [e], self.prefix()))]
        r = self.pick(opts)()
        try:
            AI(self.helpers).expr(r, ctx.env)
            return r
        except Reject:
            return self.const()

    def bound(self, ctx, e):
        try:
            return AI(self.helpers).expr(e, ctx.env)
        except Reject:
            return math.inf

    def expr(self, ctx, depth, maxb=1e3):
        for _ in range(8):
            e = self.expr1(ctx, depth)
            b = self.bound(ctx, e)
            if b <= maxb:
                return e
            if b < math.inf:
                e2 = self.squash(ctx, e, min(3.0, maxb))
                if self.bound(ctx, e2) <= maxb:
                    return e2
        return self.const()

    def leaf(self, ctx):
        c = [(0.7, 'const')]
        ds = [v for v in ctx.of('d')]
        arrs = [v for v in ctx.of('arr')]
        if ds:
            c.append((4, 'var'))
        if arrs:
            c.append((3 + 2 * ctx.loop_depth, 'elem'))
        if ctx.of('int') or any(p.kind in ('n', 'k') for p in ctx.fn.params):
            c.append((0.3, 'int'))
        k = self.pick(c)
        if k == 'var':
            v = self.rng.choice(ds)
            ctx.used.add(v.name.split('.')[0])
            return Var(v.name)
        if k == 'elem':
            a = self.rng.choice(arrs)
            ctx.used.add(a.name)
            return Elem(a.name, self.index(ctx, a.length))
        if k == 'int':
            i = self.any_int(ctx)
            if i is not None:
                return IntToD(i, self.rng.choice(['mul', 'cast']))
        return self.const()

    def expr1(self, ctx, depth):
        if depth <= 0 or self.chance(0.25):
            return self.leaf(ctx)
        c = [(4, 'bin'), (0.5, 'neg'), (0.8, 'div')]
        if self.forms:
            c.append((3.5, 'form'))
        if self.has('branches'):
            c.append((0.5, 'cond'))
        if self.has('detach') and self.allow_nofd:
            c.append((0.35, 'detach'))
        if self.has('casts'):
            c.append((0.3, 'cast'))
        if self.has('calls') and self.callable_helpers(ctx):
            c.append((0.8, 'call'))
        k = self.pick(c)
        if k == 'bin':
            op = self.pick([(3, '+'), (2, '-'), (3, '*')])
            return Bin(op, self.expr1(ctx, depth - 1), self.expr1(ctx, depth - 1))
        if k == 'neg':
            return Neg(self.expr1(ctx, depth - 1))
        if k == 'div':
            return Div(self.expr1(ctx, depth - 1), self.positive(ctx, depth - 1))
        if k == 'form':
            spec = self.pick([(f.weight, f) for f in self.forms])
            args = []
            for i in range(spec.arity):
                a = self.expr1(ctx, depth - 1)
                lim = spec.argmax[i]
                if lim is not None and self.bound(ctx, a) > lim:
                    a = self.squash(ctx, a, 2.0)
                args.append(a)
            return Form(spec, args, self.prefix())
        if k == 'cond':
            return Cond(self.cond(ctx, depth - 1), self.expr1(ctx, depth - 1), self.expr1(ctx, depth - 1))
        if k == 'detach':
            return Detach(self.expr1(ctx, depth - 1))
        if k == 'cast':
            return CastLD(self.rng.choice(['+', '-', '*']), self.expr1(ctx, depth - 1),
                          self.expr1(ctx, depth - 1), self.rng.choice(['c', 'static']))
        if k == 'call':
            hs = self.callable_helpers(ctx)
            makers = [h for h in self.helpers if h.helper_kind == 'mkstruct' and
                      [v for v in ctx.of('struct') if v.sname == h.struct_param]]
            if makers and self.chance(0.3):
                h = self.rng.choice(makers)
                return CallMember(Call(h.name, self.call_args(ctx, h, depth - 1)),
                                  self.rng.choice(['a', 'b']))
            h = self.rng.choice(hs)
            return Call(h.name, self.call_args(ctx, h, depth - 1), member=h.member)
        return self.leaf(ctx)

    def positive(self, ctx, depth):
        names = ['pos_sq', 'pos_sq2']
        if self.has('math'):
            names += ['pos_sin', 'pos_tanh', 'pos_abs', 'pos_exp', 'pos_sqrt', 'pos_cosh']
        spec = FORM_BY_NAME[self.rng.choice(names)]
        a = self.expr1(ctx, depth)
        if spec.argmax[0] is not None and self.bound(ctx, a) > spec.argmax[0]:
            a = self.squash(ctx, a, 2.0)
        return Form(spec, [a], self.prefix())

    def cond(self, ctx, depth):
        r = self.rng.random()
        ints = self.ints(ctx)
        if r < 0.12 and ints:
            v = self.rng.choice(ints)
            ctx.used.add(v.name)
            t = self.pick([(1, '%s %% 2 == 0' % v.name), (1, '%s > 1' % v.name),
                           (1, '%s < 3' % v.name), (1, '%s %% 3 == 1' % v.name)])
            return ICmp(IntE(t, [v.name]))
        if r < 0.2 and depth > 0:
            op, a, b = self.rng.choice(['&&', '||']), self.cond(ctx, 0), self.cond(ctx, 0)
            if isinstance(a, ICmp) and isinstance(b, ICmp):
                op = '&&'   # i > 1 || i < 3 is always true: clang warns
            return Logic(op, a, b)
        if r < 0.24 and depth > 0:
            return Not(self.cond(ctx, 0))
        op = self.rng.choice(['<', '<=', '>', '>='])
        for _ in range(6):
            a = self.expr(ctx, max(depth, 1))
            if any(isinstance(n, (Var, Elem)) for n in walk(a)):
                break
        if self.chance(0.6):
            b = Const(round(self.rng.uniform(-1.5, 1.5), 2) + 0.0)
        else:
            b = self.expr(ctx, max(depth - 1, 0))
        return Cmp(op, a, b)

    # ---- helpers (calls) ------------------------------------------------

    def callable_helpers(self, ctx):
        res = []
        for h in self.helpers:
            if h.ret != 'double' or h is ctx.fn:
                continue
            if h.struct_param and not [v for v in ctx.of('struct') if v.sname == h.struct_param]:
                continue
            if any(p.kind == 'array' for p in h.params) and not ctx.of('arr'):
                continue
            res.append(h)
        return res

    def call_args(self, ctx, h, depth):
        args = []
        arr_len = None
        for p in h.params:
            if p.kind == 'scalar':
                a = self.expr(ctx, depth, HELPER_PB)
                args.append(a)
            elif p.kind == 'array':
                cands = [v for v in ctx.of('arr') if (not p.writable or v.assignable)]
                cands = [v for v in cands if ctx.env.get(v.name, 0) <= HELPER_PB]
                if not cands:
                    cands = [v for v in ctx.of('arr') if (not p.writable or v.assignable)]
                v = self.rng.choice(cands)
                ctx.used.add(v.name)
                args.append(ArrArg(v.name))
                arr_len = v.length
            elif p.kind == 'n':
                args.append(IntE(arr_len, [arr_len]) if isinstance(arr_len, str) else IntE(str(arr_len)))
            elif p.kind == 'ref':
                v = self.rng.choice([v for v in ctx.of('d') if v.assignable])
                args.append(Var(v.name))
            elif p.kind == 'struct':
                v = self.rng.choice([v for v in ctx.of('struct') if v.sname == p.style])
                ctx.used.add(v.name)
                args.append(ArrArg(v.name))
        return args

    def gen_helper(self, idx, bidx):
        kinds = ['scalar', 'scalar', 'array']
        if self.has('refs'):
            kinds += ['outref']
        if self.has('arrays'):
            kinds += ['outarr']
        if self.has('structs') and self.structs:
            kinds += ['struct', 'mkstruct', 'mkstruct']
        if not self.has('arrays'):
            kinds = [k for k in kinds if k not in ('array', 'outarr')]
        kind = self.rng.choice(kinds)
        self.fn_prefix = self.rng.choice(['std::', ''])
        self.allow_nofd = self.chance(0.2)
        name = 'h%d_%d' % (bidx, idx)
        if kind == 'scalar':
            params = [Param('p', 'scalar'), Param('q', 'scalar')]
        elif kind == 'array':
            params = [Param('v', 'array', style=self.rng.choice(['ptr', 'brackets'])), Param('m', 'n'),
                      Param('s', 'scalar')]
        elif kind == 'outref':
            params = [Param('p', 'scalar'), Param('out', 'ref', writable=True)]
        elif kind == 'outarr':
            params = [Param('v', 'array'), Param('m', 'n'), Param('o', 'array', writable=True)]
        else:
            st = self.rng.choice(self.structs)
            params = [Param('sp', 'struct', style=st.name), Param('p', 'scalar')]
        ret = 'void' if kind in ('outref', 'outarr') else 'double'
        if kind == 'mkstruct':
            ret = st.name   # returns the struct
        fn = Func(name, params, [], ret=ret, helper_kind=kind)
        if kind in ('struct', 'mkstruct'):
            fn.struct_param = params[0].style
        if kind == 'struct' and self.chance(0.5):
            fn.member = True   # double S::h(double p) const
        fn.annotated = ret == 'double' and kind != 'struct' and self.chance(0.5)
        ctx = Ctx(fn)
        env0 = {}
        for p in params:
            if p.kind == 'scalar':
                ctx.add(VarInfo(p.name, 'd', assignable=False))
                env0[p.name] = HELPER_PB
            elif p.kind == 'array' and not p.writable:
                ctx.add(VarInfo(p.name, 'arr', assignable=False, length='m'))
                env0[p.name] = HELPER_PB
            elif p.kind in ('array', 'ref'):
                env0[p.name] = 0.0
            elif p.kind == 'struct':
                ctx.add(VarInfo('sp.a', 'd', assignable=False))
                ctx.add(VarInfo('sp.b', 'd', assignable=False))
                env0['sp.a'] = env0['sp.b'] = HELPER_PB
        ctx.env = dict(env0)
        ctx.env['acc'] = 0.0
        body = []
        if kind in ('array', 'outarr'):
            ctx.push()
            ctx.add(VarInfo('i', 'int', lo=0, hi='m'))
            ctx.loop_depth += 1
            t = self.expr(ctx, 2, 3.0)
            ctx.loop_depth -= 1
            ctx.pop()
            vi = Elem('v', IntE('i', ['i']))
            if kind == 'array':
                body.append(Decl('acc', Const(0.0)))
                body.append(For('i', IntE('m', ['m']), [Assign(Var('acc'), '+=', Bin('*', vi, t))], 'up'))
                body.append(Return(Bin('+', Var('acc'), Bin('*', Var('s'), Const(0.5)))))
            else:
                body.append(For('i', IntE('m', ['m']), [
                    Assign(Elem('o', IntE('i', ['i'])), '=', Bin('+', Bin('*', vi, Const(0.5)), t))], 'up'))
        else:
            fn.body = body
            for _ in range(self.rng.randint(1, 3)):
                s = self.stmt(ctx, 1, allow=('decl', 'assign', 'if'))
                if s is not None:
                    body.append(s)
            ret_e = self.expr(ctx, 2, 5.0)
            if kind == 'outref':
                body.append(Assign(Var('out'), '=', ret_e))
            else:
                body.append(Return(ret_e))
            fn.body = body
            fixup_unused(fn, self.prefix(), self.has('math'), self.rng, self.has('nograd_compound'))
            body = fn.body
            if kind == 'mkstruct':
                # return {e, sp.b * p, k} through a local struct.
                e = body.pop().e
                body.append(StructDecl('ret_s', st.name, [e, Bin('*', Var('sp.b'), Var('p'))],
                                       self.rng.randint(0, 3), self.rng.choice(['brace', 'eqbrace'])))
                body.append(ReturnObj('ret_s'))
        fn.body = body
        try:
            r, o = return_bound(AI(self.helpers), fn, env0)
        except (Reject, KeyError):
            return None
        if r > 1e3 or o > 1e3 or not validate(fn, self.helpers):
            return None
        fn.summary = {'ret': r, 'out': o}
        if fn.member:
            st.members.append(name)
        return fn

    # ---- statements -----------------------------------------------------

    def assignable(self, ctx):
        res = []
        for v in ctx.all():
            if v.kind == 'd' and v.assignable:
                res.append((3 if not v.name.startswith(('a', 'b', 'c', 'd')) or '.' in v.name else 1, v))
            elif v.kind == 'arr' and v.assignable:
                res.append((2, v))
        return res

    def target(self, ctx, v):
        if v.kind == 'arr':
            return Elem(v.name, self.index(ctx, v.length))
        return Var(v.name)

    def stmt(self, ctx, depth, allow=None):
        c = [(3, 'decl'), (4, 'assign'), (0.4, 'incdec')]
        nested = depth < 3 and ctx.depth < 3
        if self.has('branches') and nested:
            c.append((1.5, 'if'))
            if self.small_int(ctx, 3) is not None:
                c.append((0.5, 'switch'))
        if self.has('loops') and nested and ctx.loop_depth < 2:
            c += [(1.5, 'for'), (0.5, 'while'), (0.3, 'datawhile')]
        if ctx.loop_depth > 0 and not ctx.in_switch:
            c.append((0.6, 'break'))
        if ctx.loop_depth > 0:
            c.append((0.5, 'continue'))
            if not ctx.in_nograd and ctx.fn.ret == 'double':
                c.append((0.35, 'return'))
        if self.has('arrays'):
            c.append((0.5, 'arrdecl'))
        if self.has('nograd') and self.allow_nofd and not ctx.in_nograd and nested:
            c.append((0.4, 'nograd'))
        if nested:
            c.append((0.15, 'block'))
        if self.has('structs') and self.structs:
            c.append((0.5, 'struct'))
        if self.has('calls') and not ctx.in_nograd and any(
                h.ret == 'void' for h in self.helpers):
            c.append((0.5, 'callstmt'))
        if allow:
            c = [x for x in c if x[1] in allow]
        for _ in range(6):
            k = self.pick(c)
            env_save = dict(ctx.env)
            used_save = set(ctx.used)
            s = getattr(self, 'st_' + k)(ctx, depth)
            if s is None:
                continue
            try:
                AI(self.helpers).stmt(s, ctx.env)
                return s
            except (Reject, KeyError):
                ctx.env = env_save
                ctx.used = used_save
                # undo declarations made by the statement
                for sc, order in zip(ctx.scopes, ctx.decl_order):
                    for vi in list(order):
                        if vi.name in getattr(s, '_declared', ()):
                            order.remove(vi)
                            sc.pop(vi.name, None)
                continue
        return None

    def block(self, ctx, depth, n):
        ctx.push()
        ctx.depth += 1
        out = []
        for _ in range(n):
            s = self.stmt(ctx, depth + 1)
            if s is not None:
                out.append(s)
        ctx.depth -= 1
        decls = ctx.pop()
        return out

    def declare(self, ctx, vi, s):
        ctx.add(vi)
        s._declared = getattr(s, '_declared', ()) + (vi.name,)

    def st_decl(self, ctx, depth):
        name = self.fresh('t')
        s = Decl(name, self.expr(ctx, 3), const=self.chance(0.1))
        self.declare(ctx, VarInfo(name, 'd', assignable=not s.const), s)
        return s

    def st_assign(self, ctx, depth):
        cands = self.assignable(ctx)
        if not cands:
            return None
        v = self.pick(cands)
        t = self.target(ctx, v)
        op = self.pick([(3, '='), (3, '+='), (1.5, '-='), (1, '*='), (0.7, '/=')])
        if ctx.in_nograd and not self.has('nograd_compound'):
            op = '='
        if op == '/=':
            rhs = self.positive(ctx, 2)
        elif op == '*=':
            rhs = self.expr(ctx, 2, 2.0)
        elif op == '=' and self.chance(0.5):
            # v = f(v, ...)
            rhs = Bin(self.rng.choice(['+', '*', '-']), Bin('*', Const(0.5), Var(v.name) if v.kind == 'd' else Elem(v.name, t.idx)), self.expr(ctx, 2))
        else:
            rhs = self.expr(ctx, 3, 1e2 if ctx.loop_depth else 1e3)
        if isinstance(rhs, (Var, Elem)) and rhs.render(Renderer(False)) == t.render(Renderer(False)):
            return None
        if op == '=' and isinstance(rhs, Bin) and isinstance(rhs.a, Bin) and isinstance(rhs.a.b, Var):
            ctx.used.add(v.name.split('.')[0])
        return Assign(t, op, rhs)

    def st_incdec(self, ctx, depth):
        cands = self.assignable(ctx)
        if not cands or (ctx.in_nograd and not self.has('nograd_compound')):
            return None
        v = self.pick(cands)
        return IncDec(self.target(ctx, v), self.rng.choice(['++', '--']), self.chance(0.5))

    def st_if(self, ctx, depth):
        c = self.cond(ctx, 2)
        then = self.block(ctx, depth, self.rng.randint(1, 3))
        els = self.block(ctx, depth, self.rng.randint(1, 2)) if self.chance(0.5) else []
        if not then:
            return None
        return If(c, then, els)

    def st_switch(self, ctx, depth):
        mod = self.rng.randint(2, 4)
        subj = self.small_int(ctx, mod)
        if subj is None:
            return None
        labels = list(range(mod))
        self.rng.shuffle(labels)
        cases = []
        old = ctx.in_switch
        ctx.in_switch = True
        ncases = self.rng.randint(1, mod)
        for i in range(ncases):
            labs = [labels[i]]
            body = self.block(ctx, depth, self.rng.randint(1, 2))
            end = self.pick([(4, 'break'), (1, 'fallthrough')])
            cases.append(Case(labs, body, end))
        if self.chance(0.5):
            cases.append(Case([None], self.block(ctx, depth, 1), 'break'))
        if cases[-1].end == 'fallthrough':
            cases[-1].end = 'break'
        ctx.in_switch = old
        return Switch(subj, cases)

    def loop_body(self, ctx, depth, ivar):
        ctx.push()
        if ivar is not None:
            ctx.add(ivar)
        ctx.loop_depth += 1
        ctx.depth += 1
        old_sw = ctx.in_switch
        ctx.in_switch = False
        out = []
        for _ in range(self.rng.randint(1, 4)):
            s = self.stmt(ctx, depth + 1)
            if s is not None:
                out.append(s)
        ctx.in_switch = old_sw
        ctx.depth -= 1
        ctx.loop_depth -= 1
        decls = ctx.pop()
        return out

    def loop_bound(self, ctx):
        hasn = any(p.kind == 'n' for p in ctx.fn.params)
        if hasn and self.chance(0.7):
            if self.chance(0.15):
                return IntE('n - 1', ['n']), 'n'
            return IntE('n', ['n']), 'n'
        L = self.rng.randint(1, 6)
        return IntE(str(L)), L

    def st_for(self, ctx, depth):
        var = self.fresh('i')
        bound, hi = self.loop_bound(ctx)
        body = self.loop_body(ctx, depth, VarInfo(var, 'int', lo=0, hi=hi))
        if not body:
            return None
        style = self.pick([(4, 'up'), (1, 'upp'), (0.5, 'upadd'), (1, 'down')])
        return For(var, bound, body, style)

    def st_while(self, ctx, depth):
        ctr = self.fresh('j')
        var = self.fresh('i')
        bound, hi = self.loop_bound(ctx)
        if bound.text == 'n - 1' or bound.text == '0':
            bound, hi = IntE('n', ['n']), 'n'
        body = self.loop_body(ctx, depth, VarInfo(var, 'int', lo=0, hi=hi))
        if not body:
            return None
        return While(ctr, var, bound, body, do=self.chance(0.4))

    def st_datawhile(self, ctx, depth):
        ctr = self.fresh('it')
        cap = self.rng.randint(2, 6)
        c = self.cond(ctx, 1)
        body = self.loop_body(ctx, depth, VarInfo(ctr, 'int', lo=1, hi=cap + 1))
        if not body:
            return None
        return DataWhile(ctr, c, cap, body, do=self.chance(0.4))

    def st_break(self, ctx, depth):
        return If(self.cond(ctx, 1), [Break()])

    def st_continue(self, ctx, depth):
        return If(self.cond(ctx, 1), [Continue()])

    def st_return(self, ctx, depth):
        return If(self.cond(ctx, 1), [Return(self.expr(ctx, 3))])

    def st_arrdecl(self, ctx, depth):
        name = self.fresh('u')
        size = self.rng.choice([2, 3, 4, 6, 8])
        ninit = self.rng.choice([0, 1, size // 2, size])
        inits = [self.expr(ctx, 2) for _ in range(ninit)]
        s = ArrDecl(name, size, inits)
        self.declare(ctx, VarInfo(name, 'arr', length=size), s)
        return s

    def st_nograd(self, ctx, depth):
        guard = self.fresh('ng')
        old = ctx.in_nograd
        ctx.push()
        pre = []
        if self.chance(0.25):
            s = self.stmt(ctx, depth + 1, allow=('decl', 'assign'))
            if s is not None:
                pre.append(s)
        ctx.in_nograd = True
        ctx.depth += 1
        body = []
        for _ in range(self.rng.randint(1, 3)):
            s = self.stmt(ctx, depth + 1)
            if s is not None:
                body.append(s)
        ctx.depth -= 1
        decls = ctx.pop()
        ctx.in_nograd = old
        if not body:
            return None
        return NoGrad(guard, pre, body)

    def st_block(self, ctx, depth):
        body = self.block(ctx, depth, self.rng.randint(1, 3))
        return Block(body) if body else None

    def st_struct(self, ctx, depth):
        st = self.rng.choice(self.structs)
        name = self.fresh('s')
        same = [v for v in ctx.of('struct') if v.sname == st.name]
        makers = [h for h in self.helpers if h.helper_kind == 'mkstruct' and h.ret == st.name]
        if same and makers and not ctx.in_nograd and self.chance(0.4):
            # S s = h(t, e): a helper returning the struct.
            h = self.rng.choice(makers)
            s = StructDecl(name, st.name, [Call(h.name, self.call_args(ctx, h, 2))], 0, 'call')
        elif same and self.chance(0.25):
            s = StructDecl(name, st.name, [], 0, 'copy', src=same[0].name)
            ctx.used.add(same[0].name)
        else:
            s = StructDecl(name, st.name, [self.expr(ctx, 2), self.expr(ctx, 2)],
                           self.rng.randint(0, 3), self.rng.choice(['brace', 'eqbrace']))
        self.declare(ctx, VarInfo(name, 'struct', sname=st.name), s)
        for f in ('a', 'b'):
            self.declare(ctx, VarInfo(name + '.' + f, 'd'), s)
        ctx.used.add(name + '.a')
        ctx.used.add(name + '.b')
        return s

    def st_callstmt(self, ctx, depth):
        hs = [h for h in self.helpers if h.ret == 'void']
        if not hs:
            return None
        h = self.rng.choice(hs)
        if any(p.kind == 'ref' for p in h.params) and not [v for v in ctx.of('d') if v.assignable]:
            return None
        if any(p.kind == 'array' and p.writable for p in h.params):
            # needs a writable array and a readable one of the same length
            ws = [v for v in ctx.of('arr') if v.assignable]
            if not ws:
                return None
            w = self.rng.choice(ws)
            rs = [v for v in ctx.of('arr') if v.length == w.length and v.name != w.name and ctx.env.get(v.name, 0) <= HELPER_PB]
            if not rs:
                return None
            r = self.rng.choice(rs)
            ctx.used.add(r.name)
            ctx.used.add(w.name)
            ln = IntE(w.length, [w.length]) if isinstance(w.length, str) else IntE(str(w.length))
            return CallStmt(h.name, [ArrArg(r.name), ln, ArrArg(w.name)])
        return CallStmt(h.name, self.call_args(ctx, h, 2))

    # ---- functions ------------------------------------------------------

    def params(self):
        ps = []
        nsc = self.rng.randint(1, 4) if self.chance(0.85) else 0
        for nm in 'abcd'[:nsc]:
            const = self.chance(0.15)
            ps.append(Param(nm, 'scalar', active=not const, const_attr=const))
        arrays = self.has('arrays') and self.chance(0.75)
        if arrays:
            ps.append(Param('x', 'array', style=self.rng.choice(['ptr', 'ptr', 'brackets'])))
            if self.chance(0.2):
                ps.append(Param('z', 'array'))
            if self.chance(0.35):
                ps.append(Param('w', 'array', writable=True, style=self.rng.choice(['ptr', 'ptr', 'brackets'])))
            if self.chance(0.1):
                ps.append(Param('q', 'array', active=False, const_attr=True))
            if self.chance(0.3):
                ps.append(Param('idx', 'idx'))
        if self.has('refs') and self.chance(0.2):
            const = self.chance(0.1)
            ps.append(Param('r', 'ref', active=not const, const_attr=const, writable=True))
        if not any(p.floating and p.active for p in ps):
            ps.append(Param('e0', 'scalar'))
        self.rng.shuffle(ps)
        if arrays:
            pos = self.rng.randint(0, len(ps))
            ps.insert(pos, Param('n', 'n'))
        if (self.has('branches') or arrays) and self.chance(0.3):
            ps.insert(self.rng.randint(0, len(ps)), Param('k', 'k'))
        return ps

    def function(self, name):
        self.fn_prefix = self.rng.choice(['std::', 'std::', ''])
        # detach/no_grad make finite differences inapplicable: keep them to
        # a minority of functions
        self.allow_nofd = self.chance(0.35)
        ps = self.params()
        fn = Func(name, ps, [])
        ctx = Ctx(fn)
        ctx.need_acc = False
        for p in ps:
            if p.kind in ('scalar', 'ref'):
                w = p.kind == 'ref' or self.chance(0.3)
                if p.const_attr and not self.has('const_writes'):
                    w = False
                ctx.add(VarInfo(p.name, 'd', assignable=w))
                ctx.env[p.name] = INPUT_BOUND
            elif p.kind == 'array':
                ctx.add(VarInfo(p.name, 'arr', assignable=p.writable, length='n'))
                ctx.env[p.name] = INPUT_BOUND
            elif p.kind == 'k':
                ctx.add(VarInfo('k', 'int', lo=0, hi=KMAX + 1))
        ctx.env['acc'] = 0.0
        body = []
        nst = self.rng.randint(3, 9)
        for _ in range(nst):
            s = self.stmt(ctx, 0)
            if s is not None:
                body.append(s)
        # the result: an expression; fixup_unused() then adds whatever
        # nothing reads (keeps -Wunused quiet and makes more inputs matter)
        ret = self.expr(ctx, 3)
        if self.chance(0.4):
            # and sometimes a few top-level locals anyway
            for vi in ctx.decl_order[0]:
                if vi.kind == 'd' and '.' not in vi.name and vi.name not in {p.name for p in ps} \
                        and self.chance(0.4):
                    t = Bin('*', self.const(), Var(vi.name))
                    if self.bound(ctx, t) > 1e4:
                        t = Form('ratsq', [Var(vi.name)], self.prefix())
                    ret = Bin(self.rng.choice(['+', '-']), ret, t)
        if self.bound(ctx, ret) > 1e5:
            ret = self.squash(ctx, ret)
        body.append(Return(ret))
        fn.body = body
        fixup_unused(fn, self.prefix(), self.has('math'), self.rng, self.has('nograd_compound'))
        if not fn_ok(fn, self.helpers):
            return None
        fn.flags = set()
        return fn


def read_names(stmts):
    """Names read somewhere (being only assigned to, even by += or ++, is
    not a read for -Wunused-but-set-variable)."""
    res = set()

    def expr(e):
        res.update(names_used(e))

    def stmt(s):
        if isinstance(s, (Assign, IncDec)):
            t = s.target
            if isinstance(t, Elem):
                res.update(t.idx.names)
            if isinstance(s, Assign):
                expr(s.rhs)
            return
        for attr, cat, val in s.children():
            if cat == 'S*':
                for x in val:
                    stmt(x)
            elif cat == 'K*':
                for c in val:
                    for x in c.body:
                        stmt(x)
            elif isinstance(val, list):
                for x in val:
                    expr(x)
            elif isinstance(val, Node):
                expr(val)
        if isinstance(s, (For, While)):
            res.update(s.bound.names)
        if isinstance(s, Switch):
            res.update(s.subj.names)
        if isinstance(s, StructDecl) and s.src:
            res.add(s.src)

    for s in stmts:
        stmt(s)
    return res


def stmt_lists(s):
    for attr, cat, val in s.children():
        if cat == 'S*':
            yield val
        elif cat == 'K*':
            for c in val:
                yield c.body


def fixup_unused(fn, prefix, use_math, rng, compound_in_nograd=True):
    """Make every local and parameter read somewhere: unread locals are
    added to `acc` at the end of their block (at top level: to the final
    expression), unread parameters to the final expression."""
    used = read_names(fn.body)
    final = fn.body[-1]
    attr = 'e' if isinstance(final, Return) else 'rhs'

    def term(e):
        if use_math and rng.random() < 0.5:
            return Bin('*', Const(0.125), Form(rng.choice(['tanh', 'sin', 'atan']), [e], prefix))
        return Form('ratsq', [e], prefix)

    def read_of(s):
        if isinstance(s, Decl):
            return s.name, Var(s.name)
        if isinstance(s, ArrDecl):
            return s.name, Elem(s.name, IntE('0'))
        if isinstance(s, StructDecl):
            return s.name, Var(s.name + '.b')
        return None, None

    acc_used = [False]

    def visit(stmts, top, in_ng=False):
        for s in stmts:
            for lst in stmt_lists(s):
                visit(lst, False, in_ng or (isinstance(s, NoGrad) and lst is s.body))
        extra = []
        for s in stmts:
            name, e = read_of(s)
            if name is not None and name not in used and name != 'acc':
                extra.append(e)
                used.add(name)
        if not extra:
            return
        if top:
            for e in extra:
                setattr(final, attr, Bin('+', getattr(final, attr), term(e)))
            return
        pos = len(stmts)
        if stmts and isinstance(stmts[-1], (Break, Continue, Return)):
            pos -= 1
        for e in extra:
            if in_ng and not compound_in_nograd:
                stmts.insert(pos, Assign(Var('acc'), '=', Bin('+', Var('acc'), term(e))))
            else:
                stmts.insert(pos, Assign(Var('acc'), '+=', term(e)))
            pos += 1
        acc_used[0] = True

    visit(fn.body, True)
    for p in fn.params:
        if p.name in used:
            continue
        if p.kind in ('scalar', 'ref'):
            e = Var(p.name)
        elif p.kind == 'array':
            e = Elem(p.name, IntE('0'))
        elif p.kind == 'struct':
            e = Var(p.name + '.a')
        elif p.kind == 'k':
            e = IntToD(IntE('k', ['k']), 'mul')
        elif p.kind == 'idx':
            e = IntToD(IntE('idx[0]', ['idx']), 'cast')
        elif p.kind == 'n':
            e = IntToD(IntE(p.name, [p.name]), 'cast')
        else:
            continue
        setattr(final, attr, Bin('+', getattr(final, attr), term(e) if p.floating else Bin('*', Const(0.5), e)))
    if acc_used[0] or any(isinstance(n, Var) and n.name == 'acc' for n in walk_list(fn.body)):
        if not (isinstance(fn.body[0], Decl) and fn.body[0].name == 'acc'):
            fn.body.insert(0, Decl('acc', Const(0.0)))
        setattr(final, attr, Bin('-', getattr(final, attr), Bin('*', Const(0.5), Var('acc'))))


def fn_ok(fn, helpers):
    try:
        AI(helpers).function(fn)
    except (Reject, KeyError):
        return False
    return True


def uses_nofd(fn, helpers_by_name, seen=None):
    """detach/no_grad anywhere (also in called helpers) invalidates FD."""
    seen = seen or set()
    for n in walk_list(fn.body):
        if isinstance(n, (Detach, NoGrad)):
            return True
        if isinstance(n, (Call, CallStmt)) and n.helper not in seen:
            seen.add(n.helper)
            if uses_nofd(helpers_by_name[n.helper], helpers_by_name, seen):
                return True
    return False


def called_helpers(fn, helpers_by_name):
    res = set()
    todo = [fn]
    while todo:
        f = todo.pop()
        for n in walk_list(f.body):
            if isinstance(n, (Call, CallStmt)) and n.helper not in res:
                res.add(n.helper)
                todo.append(helpers_by_name[n.helper])
    return res


def func_seed(seed, gidx):
    return (seed * 1000003 + gidx * 7919 + 12345) & 0xffffffffffff


def generate_batch(seed, bidx, start, count, features, math_style='mixed'):
    """Functions f{start}..f{start+count-1}, with the batch's helpers/structs."""
    features = set(features)
    g = Gen(func_seed(seed, -1 - bidx), features, math_style)
    g.sq_arith = False
    g.fn_prefix = 'std::'
    if 'structs' in features:
        g.structs = [StructDef('S%d_%d' % (bidx, i)) for i in range(g.rng.randint(1, 2))]
    if 'calls' in features:
        nh = g.rng.randint(2, 5)
        for i in range(nh):
            for _ in range(10):
                h = g.gen_helper(i, bidx)
                if h is not None:
                    g.helpers.append(h)
                    break
    funcs = []
    for j in range(count):
        gi = start + j
        fg = Gen(func_seed(seed, gi), features, math_style)
        fg.helpers = g.helpers
        fg.structs = g.structs
        fg.sq_arith = False
        fn = None
        for _ in range(20):
            fn = fg.function('f%d' % gi)
            if fn is not None:
                break
        if fn is None:
            continue
        fn.seed = func_seed(seed, gi)
        funcs.append(fn)
    prog = Program(seed, features, g.structs, g.helpers, funcs, math_style)
    finish_flags(prog)
    return prog


def finish_flags(prog):
    hb = {h.name: h for h in prog.helpers}
    for f in prog.helpers + prog.funcs:
        f.flags = {'nofd'} if uses_nofd(f, hb) else set()
        f.calls = called_helpers(f, hb)


# ---------------------------------------------------------------------------
# Rendering of the three files
# ---------------------------------------------------------------------------

HEADER = '// Generated by test/random/gen.py (seed %s, features %s). Do not edit.\n'


def render_prog(prog, funcs=None, annotate=None):
    """prog.cpp: what gradgen sees. Returns (text, {name: (first, last)}).
    annotate: names to mark GRADGEN_DIFFERENTIABLE (default: as generated)."""
    funcs = prog.funcs if funcs is None else funcs
    hb = {h.name: h for h in prog.helpers}
    needed = set()
    for f in funcs:
        needed |= called_helpers(f, hb)
    lines = [(HEADER % (prog.seed, ','.join(sorted(prog.features)))).rstrip('\n'),
             '#include <cmath>', '#include <gradgen/gradgen.h>', '']
    ranges = {}

    def emit(text, name):
        first = len(lines) + 1
        lines.extend(text.rstrip('\n').split('\n'))
        ranges[name] = (first, len(lines))
        lines.append('')

    for st in prog.structs:
        emit(st.render(False), st.name)
    for h in prog.helpers:
        if h.name in needed or (h.testable() and funcs is prog.funcs):
            ann = h.annotated if annotate is None else h.name in annotate
            emit(h.render(False, annotate=ann), h.name)
    for f in funcs:
        ann = f.annotated if annotate is None else f.name in annotate
        emit(f.render(False, annotate=ann), f.name)
    return '\n'.join(lines) + '\n', ranges


def included_helpers(prog, funcs):
    hb = {h.name: h for h in prog.helpers}
    needed = set()
    for f in funcs:
        needed |= called_helpers(f, hb)
    return [h for h in prog.helpers if h.name in needed or (h.testable() and funcs is prog.funcs)]


def tested_functions(prog, funcs, test_helpers=True):
    hs = [h for h in included_helpers(prog, funcs) if h.testable()] if test_helpers else []
    return hs + list(funcs)


def render_fwd(prog, funcs=None):
    funcs = prog.funcs if funcs is None else funcs
    out = [(HEADER % (prog.seed, ','.join(sorted(prog.features)))).rstrip('\n'),
           '#pragma once', '#include "dual.h"', '']
    for st in prog.structs:
        out.append(st.render(True))
    for h in included_helpers(prog, funcs):
        out.append(h.render(True))
    for f in funcs:
        out.append(f.render(True))
    return '\n'.join(out) + '\n'


def glue_args(fn, grad):
    slot = 0
    args = []
    adj = []
    for p in fn.params:
        if p.kind == 'scalar':
            args.append('A.s(%d)' % slot)
        elif p.kind == 'ref':
            args.append('A.r(%d)' % slot)
        elif p.kind == 'array':
            args.append('A.a(%d)' % slot)
        elif p.kind == 'n':
            args.append('A.n')
        elif p.kind == 'k':
            args.append('A.k')
        elif p.kind == 'idx':
            args.append('A.ix()')
        if p.floating:
            if p.active:
                adj.append('D.p(%d)' % slot)
            slot += 1
    return ', '.join(args + (adj if grad else []))


def render_driver(prog, funcs=None, fwd_header='prog_fwd.h', points=3, harness_seed=1,
                  test_helpers=True, seed_names=None):
    funcs = prog.funcs if funcs is None else funcs
    tested = tested_functions(prog, funcs, test_helpers)
    seed_names = seed_names or {}
    out = [(HEADER % (prog.seed, ','.join(sorted(prog.features)))).rstrip('\n'),
           '#include "harness.h"', '#include "%s"' % fwd_header, '']
    for st in prog.structs:
        out.append(st.render(False))
    for f in tested:
        out.append('%s __attribute__((weak));' % f.sig(False, annotate=False))
        out.append('%s __attribute__((weak));' % f.grad_decl())
    out.append('')
    for f in tested:
        nm = f.name
        slots = f.slots()
        out.append('struct G_%s {' % nm)
        out.append('  static bool has_primal() { return &%s != nullptr; }' % nm)
        out.append('  static bool has_grad() { return &%s_grad != nullptr; }' % nm)
        out.append('  static double primal(gg_test::Args<double> &A) { return %s(%s); }' % (nm, glue_args(f, False)))
        out.append('  static double grad(gg_test::Args<double> &A, gg_test::Adj &D) { return %s_grad(%s); }'
                   % (nm, glue_args(f, True)))
        out.append('  template <class T> static T fwd(gg_test::Args<T> &A) { return %s_fwd<T>(%s); }'
                   % (nm, glue_args(f, False)))
        out.append('};')
        kinds = {'scalar': 'gg_test::SCALAR', 'array': 'gg_test::ARRAY', 'ref': 'gg_test::REF'}
        out.append('static const gg_test::Slot S_%s[] = {%s};' % (
            nm, ', '.join('{"%s", %s, %s, %s}' % (s[0], kinds[s[1]], 'true' if s[2] else 'false',
                                                  'true' if s[3] else 'false') for s in slots)))
    out.append('')
    out.append('int main(int argc, char **argv) {')
    out.append('  gg_test::Runner R(argc, argv);')
    out.append('  if (R.Points == 3) R.Points = %d;' % points)
    out.append('  if (R.Seed == 1) R.Seed = %d;' % harness_seed)
    for f in tested:
        sn = (', "%s"' % seed_names[f.name]) if f.name in seed_names else ''
        out.append('  R.run<G_%s>("%s", S_%s, %d, %s%s);' % (f.name, f.name, f.name, len(f.slots()),
                                                            'gg_test::NO_FD' if 'nofd' in f.flags else '0', sn))
    out.append('  return R.finish();')
    out.append('}')
    return '\n'.join(out) + '\n'


def describe(prog, funcs=None):
    """JSON-able description (for fake_gradgen.py and debugging)."""
    funcs = prog.funcs if funcs is None else funcs
    res = []
    for f in included_helpers(prog, funcs) + list(funcs):
        res.append({'name': f.name, 'annotated': f.annotated, 'ret': f.ret,
                    'testable': f.testable(), 'grad_decl': f.grad_decl(),
                    'params': [{'name': p.name, 'kind': p.kind, 'active': p.active,
                                'decl': p.decl('double', annotate=False)} for p in f.params],
                    'flags': sorted(f.flags)})
    return res


def write_batch(prog, outdir, funcs=None, annotate=None, points=3, test_helpers=True,
                seed_names=None):
    os.makedirs(outdir, exist_ok=True)
    text, ranges = render_prog(prog, funcs, annotate)
    with open(os.path.join(outdir, 'prog.cpp'), 'w') as f:
        f.write(text)
    with open(os.path.join(outdir, 'prog_fwd.h'), 'w') as f:
        f.write(render_fwd(prog, funcs))
    with open(os.path.join(outdir, 'driver.cpp'), 'w') as f:
        f.write(render_driver(prog, funcs, points=points, test_helpers=test_helpers,
                              seed_names=seed_names))
    with open(os.path.join(outdir, 'prog.json'), 'w') as f:
        json.dump({'functions': describe(prog, funcs), 'ranges': ranges}, f, indent=1)
    return ranges


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=30, help='functions in the batch')
    ap.add_argument('--start', type=int, default=0, help='index of the first function')
    ap.add_argument('--features', default='default',
                    help='comma list from %s, or all/default; -name removes' % ','.join(ALL_FEATURES))
    ap.add_argument('--math-style', default='mixed', choices=['mixed', 'std', 'global'])
    ap.add_argument('-o', '--outdir', required=True)
    a = ap.parse_args(argv)
    prog = generate_batch(a.seed, a.start // max(a.count, 1), a.start, a.count,
                          parse_features(a.features), a.math_style)
    write_batch(prog, a.outdir)
    print('wrote %d functions (+%d helpers) to %s' % (len(prog.funcs), len(prog.helpers), a.outdir))


if __name__ == '__main__':
    main()
