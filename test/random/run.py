#!/usr/bin/env python3
"""Random differential testing of gradgen (see README.md).

Generates random differentiable functions (gen.py) in batches, runs gradgen
on each batch, compiles the result with clang++ (and g++ for some batches),
and checks every gradient against the dual-number forward mode (exact up to
rounding) and against central finite differences (harness.h). Failing
functions are reduced automatically to small repros.

    run.py --gradgen build/bin/gradgen --count 300 --seed 1 --jobs 2
    run.py --selftest --count 300          # no gradgen: validates the oracle

Exit status: 0 if nothing failed; 1 on any gradient mismatch, gradgen
crash, uncompilable generated code, run-time crash or oracle disagreement;
2 on a usage or infrastructure error. Refusals (gradgen exit 1) are counted
and listed by message, but are not failures.

Python 3 standard library only.
"""
import argparse
import collections
import concurrent.futures
import copy
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # no __pycache__ in the source tree
import gen  # noqa: E402

MISMATCH_KINDS = ('value', 'dual', 'dot', 'accum', 'nonfinite', 'fd', 'writes')
ORACLE_KINDS = ('fd_oracle', 'oracle')
HARD_STATUSES = ['gradgen_crash', 'gradgen_timeout', 'compile_fail', 'runtime_crash', 'timeout']


class InfraError(Exception):
    pass


# ---------------------------------------------------------------------------
# Subprocesses
# ---------------------------------------------------------------------------

def run_cmd(cmd, cwd=None, timeout=300, env=None):
    """(returncode, output). returncode is negative for a signal, None for a
    timeout."""
    for attempt in range(60):
        try:
            p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 env=env, start_new_session=True)
            break
        except OSError as e:
            # the binary may be being rebuilt right now (EACCES, ETXTBSY, ENOENT)
            if attempt == 59:
                raise InfraError('cannot run %s: %s' % (cmd[0], e))
            time.sleep(5)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        out, _ = p.communicate()
        return None, out.decode('utf-8', 'replace')
    return p.returncode, out.decode('utf-8', 'replace')


class Config:
    def __init__(self, a):
        self.gradgen = a.gradgen
        self.selftest = a.selftest
        self.clangxx = a.clangxx
        self.gxx = a.gxx
        self.include = a.include
        self.features = gen.parse_features(a.features)
        self.math_style = a.math_style
        self.points = a.points
        self.opt = a.opt
        self.sanitize = a.sanitize
        self.timeout = a.timeout
        self.verbose = a.verbose
        self.werror = a.werror
        self.ignore_kinds = set(filter(None, (a.ignore_kinds or '').split(',')))

    def cxxflags(self, driver=False):
        f = ['-std=c++17', '-Wall', '-Wextra', '-I' + self.include, '-I' + HERE]
        f.append('-O0' if driver else self.opt)
        if self.sanitize:
            f += ['-fsanitize=address,undefined', '-fno-sanitize-recover=undefined',
                  '-fno-omit-frame-pointer']
        return f

    def ldflags(self):
        return ['-fsanitize=address,undefined'] if self.sanitize else []

    def compiler(self, which):
        return self.clangxx if which == 'clang' else self.gxx


# ---------------------------------------------------------------------------
# Evaluating a set of functions: gradgen, compile, run, parse
# ---------------------------------------------------------------------------

ERR_RE = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|fatal error): (?P<msg>.*)$')
WARN_RE = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): warning: (?P<msg>.*)$')


class Outcome:
    def __init__(self, status, kinds=(), msg='', lines=None, compiler='clang'):
        self.status = status      # ok fail refused gradgen_crash gradgen_timeout compile_fail
                                  # runtime_crash timeout missing badprimal
        self.kinds = list(kinds)
        self.msg = msg
        self.lines = lines or []
        self.compiler = compiler

    def category(self):
        """What the reducer must preserve."""
        if self.status == 'fail':
            ks = [k for k in self.kinds if k in MISMATCH_KINDS]
            if ks:
                return 'mismatch:' + ks[0]
            return 'oracle:' + (self.kinds[0] if self.kinds else '?')
        return self.status

    def failed(self):
        return self.status == 'fail' or self.status in HARD_STATUSES

    def to_json(self):
        return {'status': self.status, 'kinds': self.kinds, 'msg': self.msg,
                'compiler': self.compiler, 'lines': self.lines[:40]}


class Evaluator:
    """Runs the pipeline on one set of functions in one work directory."""

    def __init__(self, cfg, prog, funcs, wd, compilers=('clang',), test_helpers=True,
                 seed_names=None):
        self.cfg = cfg
        self.prog = prog
        self.funcs = list(funcs)
        self.wd = wd
        self.compilers = list(compilers)
        self.test_helpers = test_helpers
        self.seed_names = seed_names
        self.out = {}             # name -> Outcome
        self.warnings = []        # (compiler, message) in generated code
        self.warned = {}          # name -> (compiler, warning lines)
        self.stats = collections.Counter()
        os.makedirs(wd, exist_ok=True)
        self.hb = {h.name: h for h in prog.helpers}
        self.included = gen.included_helpers(prog, self.funcs)
        self.tested = gen.tested_functions(prog, self.funcs, test_helpers)
        # which helpers each function reaches
        self.reach = {f.name: gen.called_helpers(f, self.hb) for f in self.included + self.funcs}

    def log(self, msg):
        if self.cfg.verbose:
            sys.stderr.write('[%s] %s\n' % (os.path.basename(self.wd), msg))

    # ---- gradgen --------------------------------------------------------

    def write_prog(self, annotate, path='prog.cpp'):
        text, ranges = gen.render_prog(self.prog, self.funcs, annotate)
        with open(os.path.join(self.wd, path), 'w') as f:
            f.write(text)
        return ranges

    def gradgen(self, annotate, tag=''):
        """Run gradgen on prog.cpp with the given annotated set.
        Returns (rc, output, ranges)."""
        src = 'prog%s.cpp' % tag
        out = 'prog%s_grad.cpp' % tag
        ranges = self.write_prog(annotate, src)
        # fake_gradgen.py needs the description next to prog.cpp
        with open(os.path.join(self.wd, 'prog.json'), 'w') as f:
            json.dump({'functions': gen.describe(self.prog, self.funcs), 'ranges': ranges}, f)
        outp = os.path.join(self.wd, out)
        if os.path.exists(outp):
            os.unlink(outp)
        cmd = [self.cfg.gradgen, src, '-o', out, '--', '-std=c++17', '-I' + self.cfg.include]
        if self.cfg.gradgen.endswith('.py'):
            cmd = [sys.executable] + cmd
        rc, text = run_cmd(cmd, cwd=self.wd, timeout=self.cfg.timeout)
        self.stats['gradgen_runs'] += 1
        if rc == 0 and not os.path.exists(outp):
            rc, text = 'noout', text + '\n(gradgen exited 0 but wrote no output)'
        if rc == 1 and os.path.exists(outp):
            text += '\n(note: gradgen exited 1 but wrote an output file)'
        return rc, text, ranges

    def owner(self, line, ranges):
        for name, (a, b) in ranges.items():
            if a <= line <= b:
                return name
        return None

    def callers_of(self, helper, annotate):
        return [n for n in annotate if helper in self.reach.get(n, ())]

    def isolate(self, items, bad):
        """Items that are bad on their own (bisection)."""
        items = sorted(items)
        if not items:
            return []
        if len(items) == 1:
            return items if bad(items) else []
        half = len(items) // 2
        a, b = items[:half], items[half:]
        res = []
        ba, bb = bad(a), bad(b)
        if ba:
            res += self.isolate(a, bad)
        if bb:
            res += self.isolate(b, bad)
        if not ba and not bb:
            # only together: blame all
            return items
        return res

    def run_gradgen_loop(self):
        annotate = {f.name for f in self.funcs}
        annotate |= {h.name for h in self.included if h.annotated}
        for _ in range(len(annotate) + 5):
            if not annotate:
                return annotate
            rc, text, ranges = self.gradgen(annotate)
            if rc == 0:
                return annotate
            if rc == 2:
                raise InfraError('gradgen usage/IO error (exit 2):\n' + text[-3000:])
            if rc == 1:
                errs = [m for m in (ERR_RE.match(l) for l in text.splitlines()) if m]
                blamed = {}
                for m in errs:
                    if os.path.basename(m.group('file')) != 'prog.cpp':
                        continue
                    name = self.owner(int(m.group('line')), ranges)
                    if name is None:
                        continue
                    targets = [name] if name in annotate else self.callers_of(name, annotate)
                    for t in targets:
                        blamed.setdefault(t, m.group('msg'))
                if not blamed:
                    # errors we cannot place: find who triggers them
                    def bad(sub):
                        r, t, _ = self.gradgen(set(sub))
                        return r == 1
                    culprits = self.isolate(annotate, bad)
                    msg = next((m.group('msg') for m in errs), text.strip().splitlines()[-1] if text.strip() else '?')
                    if not culprits:
                        raise InfraError('gradgen exit 1 that no function reproduces:\n' + text[-3000:])
                    for c in culprits:
                        blamed[c] = msg
                for name, msg in blamed.items():
                    if name not in self.out:
                        self.out[name] = Outcome('refused', msg=msg, lines=[l for l in text.splitlines()
                                                                            if 'error' in l][:10])
                    annotate.discard(name)
                    self.log('refused %s: %s' % (name, msg))
                continue
            # a crash, a timeout or exit 0 without output
            status = 'gradgen_timeout' if rc is None else 'gradgen_crash'
            first = text

            def bad(sub):
                r, t, _ = self.gradgen(set(sub))
                return r not in (0, 1, 2)
            culprits = self.isolate(annotate, bad)
            if not culprits:
                raise InfraError('gradgen crashed (%s) on a set that no subset reproduces:\n%s' % (rc, first[-3000:]))
            for c in culprits:
                self.out[c] = Outcome(status, msg='exit %s' % rc, lines=first.splitlines()[-30:])
                annotate.discard(c)
                self.log('%s %s' % (status, c))
        return annotate

    # ---- compiling --------------------------------------------------------

    def compile_driver_start(self, which):
        src = os.path.join(self.wd, 'driver.cpp')
        obj = os.path.join(self.wd, 'driver_%s.o' % which)
        cmd = [self.cfg.compiler(which)] + self.cfg.cxxflags(driver=True) + ['-c', src, '-o', obj]
        return subprocess.Popen(cmd, cwd=self.wd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def compile_grad(self, which, src='prog_grad.cpp', obj=None):
        obj = obj or 'prog_grad_%s.o' % which
        cmd = [self.cfg.compiler(which)] + self.cfg.cxxflags() + ['-c', src, '-o', obj]
        rc, text = run_cmd(cmd, cwd=self.wd, timeout=self.cfg.timeout)
        self.stats['compiles'] += 1
        return rc, text

    def generated_warnings(self, text, which):
        res = []
        for l in text.splitlines():
            m = WARN_RE.match(l)
            if m and os.path.basename(m.group('file')).endswith('_grad.cpp'):
                res.append(m.group('msg'))
        return res

    def compile_loop(self, annotate, which):
        """Compile the generated code; isolate functions whose generated code
        does not compile. Returns the set that compiles."""
        for _ in range(len(annotate) + 3):
            if not annotate:
                return annotate
            rc, text = self.compile_grad(which)
            if rc == 0:
                for w in self.generated_warnings(text, which):
                    self.warnings.append((which, w))
                placed = self.place_errors(text, annotate, WARN_RE) or {}
                for c, msgs in placed.items():
                    self.warned.setdefault(c, (which, msgs))
                return annotate
            first = text
            errs = [l for l in first.splitlines() if ': error:' in l]
            placed = self.place_errors(first, annotate)
            if placed:
                for c, msgs in placed.items():
                    self.out[c] = Outcome('compile_fail', msg=msgs[0], lines=msgs[:15], compiler=which)
                    annotate.discard(c)
                    self.log('compile_fail %s (placed)' % c)
                rc, text, _ = self.gradgen(annotate)
                if rc != 0:
                    raise InfraError('gradgen failed on a subset it had accepted:\n' + text[-3000:])
                continue

            def bad(sub):
                r, t, _ = self.gradgen(set(sub), tag='_iso')
                if r != 0:
                    return False
                r2, t2 = self.compile_grad(which, 'prog_iso_grad.cpp', 'prog_iso.o')
                return r2 != 0
            culprits = self.isolate(annotate, bad)
            if not culprits:
                raise InfraError('generated code does not compile, but no subset reproduces it:\n' + first[-3000:])
            errs = [l for l in first.splitlines() if ': error:' in l]
            for c in culprits:
                self.out[c] = Outcome('compile_fail', msg=(errs[0] if errs else first.strip()[-200:]),
                                      lines=errs[:15] or first.splitlines()[-15:], compiler=which)
                annotate.discard(c)
                self.log('compile_fail %s' % c)
            rc, text, _ = self.gradgen(annotate)
            if rc != 0:
                raise InfraError('gradgen failed on a subset it had accepted:\n' + text[-3000:])
        return annotate

    def place_errors(self, text, annotate, regex=ERR_RE):
        """Map compile errors in prog_grad.cpp to the function whose
        generated code holds them: {name: [messages]}, or None if some error
        cannot be placed."""
        try:
            gen_lines = open(os.path.join(self.wd, 'prog_grad.cpp')).read().split('\n')
        except OSError:
            return None
        names = sorted(annotate | {h.name for h in self.included}, key=len, reverse=True)
        owner_at = []
        cur = None
        defn = re.compile(r'^[A-Za-z_][\w:<>,\s\*&]*?\b([A-Za-z_]\w*)\s*\(')
        for l in gen_lines:
            m = defn.match(l)
            if m and not l.startswith((' ', '\t', '#', '//')):
                ident = m.group(1)
                cur = next((n for n in names if ident == n or ident.startswith(n + '_')), None)
            owner_at.append(cur)
        res = {}
        for l in text.splitlines():
            m = regex.match(l)
            if not m:
                continue
            if not os.path.basename(m.group('file')).endswith('_grad.cpp'):
                if regex is WARN_RE:
                    continue
                return None
            ln = int(m.group('line'))
            o = owner_at[ln - 1] if 0 < ln <= len(owner_at) else None
            if o is None:
                return None
            if o not in annotate:
                # generated code for a callee: blame its annotated callers
                callers = [n for n in annotate if o in self.reach.get(n, ())]
                if not callers:
                    return None
                for c in callers:
                    res.setdefault(c, []).append(l)
            else:
                res.setdefault(o, []).append(l)
        return res or None

    # ---- running ----------------------------------------------------------

    def parse_run(self, text, which):
        """name -> Outcome from the harness output; also the name of a
        function that was running when the output stopped."""
        res = {}
        cur = None
        lines = collections.defaultdict(list)
        for l in text.splitlines():
            parts = l.split()
            if not parts:
                continue
            if parts[0] == 'BEGIN':
                cur = parts[1]
                continue
            if len(parts) > 1 and parts[0] in ('FAIL', 'INPUT', 'VALUE', 'WANT', 'GOT', 'ORACLE', 'BADPOINT'):
                lines[parts[1]].append(l)
            if parts[0] == 'END':
                name = parts[1]
                kv = dict(p.split('=', 1) for p in parts[2:] if '=' in p)
                st = kv.get('status', '?')
                kinds = [] if kv.get('kinds', '-') == '-' else kv['kinds'].split(',')
                if st == 'fail' and kinds and all(k in self.cfg.ignore_kinds for k in kinds):
                    st = 'ok'
                    self.stats['ignored_' + '+'.join(kinds)] += 1
                o = Outcome(st, kinds, lines=lines[name], compiler=which)
                for k in ('comps', 'fd_checked', 'fd_skipped', 'singular'):
                    o.__dict__[k] = int(kv.get(k, 0))
                if st == 'fail':
                    fl = [x for x in lines[name] if x.startswith('FAIL') or x.startswith('ORACLE')]
                    o.msg = fl[0] if fl else ''
                if st == 'badprimal':
                    o.msg = lines[name][0] if lines[name] else ''
                res[name] = o
                cur = None
        return res, cur

    def run_binary(self, exe, which):
        names = [f.name for f in self.tested]
        results = {}
        todo = names
        for _ in range(len(names) + 1):
            if not todo:
                break
            cmd = [exe, '--points', str(self.cfg.points)] + (['--selftest'] if self.cfg.selftest else []) + todo
            env = dict(os.environ)
            env.setdefault('ASAN_OPTIONS', 'detect_leaks=0')
            rc, text = run_cmd(cmd, cwd=self.wd, timeout=self.cfg.timeout, env=env)
            self.stats['runs'] += 1
            res, cur = self.parse_run(text, which)
            results.update(res)
            if rc in (0, 1) and cur is None:
                break
            if cur is None:
                raise InfraError('test binary failed (exit %s) outside any function:\n%s' % (rc, text[-3000:]))
            status = 'timeout' if rc is None else 'runtime_crash'
            tail = [l for l in text.splitlines() if not l.startswith(('BEGIN', 'END'))][-15:]
            results[cur] = Outcome(status, msg='exit %s' % rc, lines=tail, compiler=which)
            todo = names[names.index(cur) + 1:]
        return results

    # ---- everything -------------------------------------------------------

    def evaluate(self):
        gen.write_batch(self.prog, self.wd, self.funcs, points=self.cfg.points,
                        test_helpers=self.test_helpers, seed_names=self.seed_names)
        procs = {w: self.compile_driver_start(w) for w in self.compilers}
        try:
            if self.cfg.selftest:
                annotate = set()
            else:
                annotate = self.run_gradgen_loop()
            for which in self.compilers:
                p = procs[which]
                dtext = p.communicate(timeout=self.cfg.timeout)[0].decode('utf-8', 'replace')
                if p.returncode != 0:
                    raise InfraError('the test driver does not compile (%s):\n%s' % (which, dtext[-4000:]))
                if self.cfg.selftest:
                    rc, text = self.compile_grad(which, 'prog.cpp', 'prog_%s.o' % which)
                    if rc != 0:
                        raise InfraError('generated program does not compile:\n' + text[-3000:])
                    objs = ['prog_%s.o' % which]
                else:
                    ok = self.compile_loop(set(annotate), which)
                    if ok != annotate:
                        # regenerate for the set that compiles
                        annotate = ok
                        if annotate:
                            rc, text, _ = self.gradgen(annotate)
                            rc2, text2 = self.compile_grad(which)
                            if rc != 0 or rc2 != 0:
                                raise InfraError('generated code changed between runs')
                    if not annotate:
                        objs = None
                    else:
                        objs = ['prog_grad_%s.o' % which]
                if objs is None:
                    continue
                exe = os.path.join(self.wd, 'test_%s' % which)
                rc, text = run_cmd([self.cfg.compiler(which), 'driver_%s.o' % which] + objs +
                                   self.cfg.ldflags() + ['-o', exe], cwd=self.wd, timeout=self.cfg.timeout)
                if rc != 0:
                    raise InfraError('link failed (%s):\n%s' % (which, text[-3000:]))
                res = self.run_binary(exe, which)
                for name, o in res.items():
                    prev = self.out.get(name)
                    if prev is None or (not prev.failed() and o.failed()):
                        self.out[name] = o
        finally:
            for p in procs.values():
                if p.poll() is None:
                    try:
                        os.killpg(p.pid, signal.SIGKILL)
                    except OSError:
                        pass
                    p.wait()
        for f in self.tested:
            if f.name not in self.out:
                self.out[f.name] = Outcome('missing')
        for name, (which, msgs) in self.warned.items():
            o = self.out.get(name)
            if o is not None and o.status == 'ok':
                self.out[name] = Outcome('warning', msg=msgs[0], lines=msgs[:10], compiler=which)
        return self.out


# ---------------------------------------------------------------------------
# Reduction
# ---------------------------------------------------------------------------

def all_stmt_slots(fn):
    """(list, index) for every statement, found by walking a given copy."""
    res = []

    def visit(lst):
        for i, s in enumerate(lst):
            res.append((lst, i))
            for attr, cat, val in s.children():
                if cat == 'S*':
                    visit(val)
                elif cat == 'K*':
                    for c in val:
                        visit(c.body)
    visit(fn.body)
    return res


def expr_slots(fn):
    """(holder, attr, index-or-None, node, category) for expression nodes."""
    res = []

    def visit(holder, attr, idx, node, cat):
        if cat in ('E', 'P', 'C'):
            res.append((holder, attr, idx, node, cat))
        for a, c, val in node.children():
            if isinstance(val, list):
                for i, v in enumerate(val):
                    if isinstance(v, gen.Node):
                        visit(node, a, i, v, 'E' if c in ('E*', 'A*') else c)
            elif isinstance(val, gen.Node):
                visit(node, a, None, val, c)

    for lst, i in all_stmt_slots(fn):
        s = lst[i]
        for a, c, val in s.children():
            if c in ('S*', 'K*'):
                continue
            if isinstance(val, list):
                for j, v in enumerate(val):
                    if isinstance(v, gen.Node):
                        visit(s, a, j, v, 'E' if c in ('E*', 'A*') else c)
            elif isinstance(val, gen.Node):
                visit(s, a, None, val, c)
    return res


def set_slot(holder, attr, idx, node):
    if idx is None:
        setattr(holder, attr, node)
    else:
        getattr(holder, attr)[idx] = node


def fn_text(fn):
    return fn.render(False)


def candidates(fn, helpers):
    """Smaller variants of fn, biggest cuts first. Each is a fresh copy."""
    out = []
    n_stmts = len(all_stmt_slots(fn))
    # 1. drop one statement (never the final return)
    for k in range(n_stmts):
        c = copy.deepcopy(fn)
        lst, i = all_stmt_slots(c)[k]
        if lst is c.body and i == len(c.body) - 1:
            continue
        del lst[i]
        out.append(('drop', c))
    # 2. replace a compound statement by its body
    for k in range(n_stmts):
        probe = all_stmt_slots(fn)[k]
        s = probe[0][probe[1]]
        bodies = []
        if isinstance(s, gen.If):
            bodies = [s.then] + ([s.els] if s.els else [])
        elif isinstance(s, (gen.Block,)):
            bodies = [s.body]
        elif isinstance(s, gen.NoGrad):
            bodies = [s.pre + s.body]
        elif isinstance(s, gen.Switch):
            bodies = [c.body for c in s.cases]
        elif isinstance(s, gen.For):
            bodies = [[gen.IntDecl(s.var, 0)] + s.body]
        elif isinstance(s, gen.While):
            bodies = [[gen.IntDecl(s.ctr, 1), gen.IntDecl(s.var, 0)] + s.body]
        elif isinstance(s, gen.DataWhile):
            bodies = [[gen.IntDecl(s.ctr, 1)] + s.body]
        for bi in range(len(bodies)):
            c = copy.deepcopy(fn)
            lst, i = all_stmt_slots(c)[k]
            s2 = lst[i]
            if isinstance(s2, gen.If):
                b = [s2.then, s2.els][bi]
            elif isinstance(s2, gen.Block):
                b = s2.body
            elif isinstance(s2, gen.NoGrad):
                b = s2.pre + s2.body
            elif isinstance(s2, gen.Switch):
                b = s2.cases[bi].body
            elif isinstance(s2, gen.For):
                b = [gen.IntDecl(s2.var, 0)] + s2.body
            elif isinstance(s2, gen.While):
                b = [gen.IntDecl(s2.ctr, 1), gen.IntDecl(s2.var, 0)] + s2.body
            else:
                b = [gen.IntDecl(s2.ctr, 1)] + s2.body
            lst[i:i + 1] = b
            out.append(('inline', c))
        if isinstance(s, gen.If) and s.els:
            c = copy.deepcopy(fn)
            lst, i = all_stmt_slots(c)[k]
            lst[i].els = []
            out.append(('noelse', c))
        if isinstance(s, gen.Switch) and len(s.cases) > 1:
            for ci in range(len(s.cases)):
                c = copy.deepcopy(fn)
                lst, i = all_stmt_slots(c)[k]
                del lst[i].cases[ci]
                lst[i].cases[-1].end = 'break'
                out.append(('dropcase', c))
    # 3. simplify expressions
    n_ex = len(expr_slots(fn))
    for k in range(n_ex):
        probe = expr_slots(fn)[k]
        node, cat = probe[3], probe[4]
        reps = []
        if cat == 'C':
            if not isinstance(node, gen.BoolC):
                reps = [lambda n: gen.BoolC(True), lambda n: gen.BoolC(False)]
                for a, c2, val in node.children():
                    if c2 == 'C':
                        reps.append(lambda n, a=a: getattr(n, a))
        elif cat == 'E':
            for a, c2, val in node.children():
                if c2 == 'E':
                    reps.append(lambda n, a=a: getattr(n, a))
                elif c2 == 'E*':
                    for j in range(len(val)):
                        if not isinstance(val[j], gen.ArrArg) and not isinstance(val[j], gen.IntE):
                            reps.append(lambda n, a=a, j=j: getattr(n, a)[j])
            if isinstance(node, gen.Div):
                reps.append(lambda n: n.a)
            if not isinstance(node, gen.Const) and not isinstance(node, gen.ArrArg):
                reps.append(lambda n: gen.Const(0.5))
            if isinstance(node, (gen.Call,)):
                pass
        for rep in reps:
            c = copy.deepcopy(fn)
            holder, attr, idx, n2, _ = expr_slots(c)[k]
            try:
                new = rep(n2)
            except (AttributeError, IndexError):
                continue
            if isinstance(new, (gen.IntE, gen.ArrArg)):
                continue
            set_slot(holder, attr, idx, new)
            out.append(('expr', c))
    # 4. drop parameters nothing mentions
    mentioned = set()
    for s in fn.body:
        mentioned |= gen.names_used(s)
    for p in fn.params:
        if p.name not in mentioned:
            c = copy.deepcopy(fn)
            c.params = [q for q in c.params if q.name != p.name]
            if not any(q.floating and q.active for q in c.params):
                continue
            if p.kind == 'n' and any(q.kind == 'array' for q in c.params):
                continue
            out.append(('param', c))
    return [(kind, c) for kind, c in out if gen.validate(c, helpers)]


def size_of(fn):
    return len(fn_text(fn))


class Reducer:
    def __init__(self, cfg, prog, fn, outcome, wd, chunk=24):
        self.cfg = cfg
        self.prog = prog
        self.fn = fn
        self.outcome = outcome
        self.want = outcome.category()
        self.wd = wd
        self.chunk = chunk
        self.compiler = outcome.compiler
        self.rounds = 0
        self.tests = 0

    def interesting(self, o):
        if o.category() == self.want:
            return True
        if self.want.startswith('mismatch:') and o.status == 'fail':
            return any(k in MISMATCH_KINDS for k in o.kinds) and self.want[9:] in o.kinds
        return False

    def try_candidates(self, cands):
        """Evaluate candidates (Func copies); returns the interesting ones."""
        named = []
        for j, c in enumerate(cands):
            c = copy.deepcopy(c)
            c.name = '%s_r%d' % (self.fn.name, j)
            named.append(c)
        sub = os.path.join(self.wd, 'round%d' % self.rounds)
        shutil.rmtree(sub, ignore_errors=True)
        ev = Evaluator(self.cfg, self.prog, named, sub, compilers=[self.compiler], test_helpers=False,
                       seed_names={c.name: self.fn.name for c in named})
        try:
            out = ev.evaluate()
        except InfraError as e:
            if self.cfg.verbose:
                sys.stderr.write('reducer: %s\n' % str(e)[:500])
            return []
        finally:
            self.tests += 1
        res = []
        for c, orig in zip(named, cands):
            o = out.get(c.name)
            if o is not None and self.interesting(o):
                res.append((orig, o, sub))
        shutil.rmtree(sub, ignore_errors=True)
        return res

    def quick(self, c):
        """For gradgen crashes and uncompilable output: run just gradgen
        (and the compiler) on the one candidate, no test driver."""
        c = copy.deepcopy(c)
        sub = os.path.join(self.wd, 'quick')
        shutil.rmtree(sub, ignore_errors=True)
        ev = Evaluator(self.cfg, self.prog, [c], sub, compilers=[self.compiler], test_helpers=False)
        gen.write_batch(self.prog, sub, [c], test_helpers=False)
        annotate = {c.name} | {h.name for h in ev.included if h.annotated}
        self.tests += 1
        try:
            rc, text, _ = ev.gradgen(annotate)
            if self.want in ('gradgen_crash', 'gradgen_timeout'):
                if rc is None:
                    return self.want == 'gradgen_timeout'
                return rc not in (0, 1, 2)
            if rc != 0:
                return False
            rc2, text2 = ev.compile_grad(self.compiler)
            if self.want == 'warning':
                if rc2 != 0 or not ev.generated_warnings(text2, self.compiler):
                    return False
                # the input itself must be warning-free
                rc3, text3 = ev.compile_grad(self.compiler, 'prog.cpp', 'prog_plain.o')
                return rc3 == 0 and not any(WARN_RE.match(l) for l in text3.splitlines())
            return rc2 != 0
        except InfraError:
            return False

    def reduce(self, budget_s=600):
        if self.want in ('gradgen_crash', 'gradgen_timeout', 'compile_fail', 'warning'):
            return self.reduce_quick(budget_s)
        return self.reduce_chunks(budget_s)

    def reduce_quick(self, budget_s):
        t0 = time.time()
        cur = self.fn
        while time.time() - t0 < budget_s:
            self.rounds += 1
            seen = set()
            progressed = False
            for kind, c in candidates(cur, self.prog.helpers):
                t = fn_text(c)
                if t in seen or len(t) >= size_of(cur):
                    continue
                seen.add(t)
                if self.quick(c):
                    cur = c
                    progressed = True
                    break
                if time.time() - t0 > budget_s:
                    break
            if not progressed:
                break
        return cur, self.outcome

    def reduce_chunks(self, budget_s=600):
        t0 = time.time()
        cur = self.fn
        cur_out = self.outcome
        while time.time() - t0 < budget_s:
            self.rounds += 1
            cands = candidates(cur, self.prog.helpers)
            # prefer big cuts; dedupe by text
            seen = set()
            uniq = []
            for kind, c in cands:
                t = fn_text(c)
                if t in seen or len(t) >= size_of(cur):
                    continue
                seen.add(t)
                uniq.append(c)
            if not uniq:
                break
            uniq.sort(key=size_of)   # biggest cuts first
            progressed = False
            for i in range(0, len(uniq), self.chunk):
                chunk = uniq[i:i + self.chunk]
                hits = self.try_candidates(chunk)
                if hits:
                    best = min(hits, key=lambda h: size_of(h[0]))
                    cur, cur_out = best[0], best[1]
                    progressed = True
                    break
                if time.time() - t0 > budget_s:
                    break
            if self.cfg.verbose:
                sys.stderr.write('reduce %s: round %d, %d candidates, size %d, %s (%.0fs)\n' % (
                    self.fn.name, self.rounds, len(uniq), size_of(cur), 'progress' if progressed else 'stuck',
                    time.time() - t0))
            if not progressed:
                break
        return cur, cur_out


def repro_text(prog, fn, o, header):
    """A standalone .cpp: the function (and what it calls) plus a main that
    returns non-zero when f_grad is wrong at the failing point."""
    hb = {h.name: h for h in prog.helpers}
    need = gen.called_helpers(fn, hb)
    lines = ['// ' + l for l in header.splitlines()]
    lines += ['#include <cmath>', '#include <cstdio>', '#include <gradgen/gradgen.h>', '']
    for st in prog.structs:
        if any(st.name in h.render(False) for h in prog.helpers if h.name in need) or st.name in fn.render(False):
            lines.append(st.render(False))
    for h in prog.helpers:
        if h.name in need:
            lines.append(h.render(False))
    lines.append(fn.render(False))
    lines.append('%s;' % fn.grad_decl())
    lines.append('')
    point = parse_point(o)
    lines.append('[[maybe_unused]] static int check(const char *What, double Got, double Want) {')
    lines.append('  bool Ok = std::fabs(Got - Want) <= 1e-8 * std::fmax(1.0, std::fabs(Want));')
    lines.append('  if (!Ok) std::printf("%s: got %.17g want %.17g\\n", What, Got, Want);')
    lines.append('  return Ok ? 0 : 1;')
    lines.append('}')
    lines.append('')
    lines.append('int main() {')
    n = point.get('n', 3)
    k = point.get('k', 1)
    idx = point.get('idx', [0] * n)
    args = []
    adj = []
    args_f = []   # for f itself: copies of what it may write
    written = []  # (name, count): to compare after f_grad and f
    for p in fn.params:
        if p.kind == 'ref' or (p.kind == 'array' and p.writable):
            v = point.get(p.name, [0.5] if p.kind == 'ref' else ['0.5'] * n)
            if p.kind == 'ref':
                lines.append('  double %s_f = %s;' % (p.name, v[0]))
            else:
                lines.append('  double %s_f[%d] = {%s};' % (p.name, len(v), ', '.join(v)))
            args_f.append('%s_f' % p.name)
            written.append((p.name, len(v) if p.kind == 'array' else None))
        elif p.kind == 'k':
            args_f.append('k')
        elif p.kind == 'idx':
            args_f.append('idx')
        else:
            args_f.append(p.name)
        if p.kind == 'scalar':
            v = point.get(p.name, [0.5])
            lines.append('  double %s = %s;' % (p.name, v[0]))
            args.append(p.name)
        elif p.kind == 'ref':
            v = point.get(p.name, [0.5])
            lines.append('  double %s = %s;' % (p.name, v[0]))
            args.append(p.name)
        elif p.kind == 'array':
            v = point.get(p.name, ['0.5'] * n)
            lines.append('  double %s[%d] = {%s};' % (p.name, len(v), ', '.join(v)))
            args.append(p.name)
        elif p.kind == 'n':
            lines.append('  int %s = %d;' % (p.name, n))
            args.append(p.name)
        elif p.kind == 'k':
            lines.append('  int k = %d;' % k)
            args.append('k')
        elif p.kind == 'idx':
            lines.append('  const int idx[%d] = {%s};' % (len(idx), ', '.join(map(str, idx))))
            args.append('idx')
        if p.floating and p.active:
            if p.kind == 'array':
                lines.append('  double d_%s[%d] = {};' % (p.name, n))
                adj.append('d_%s' % p.name)
            else:
                lines.append('  double d_%s = 0;' % p.name)
                adj.append('&d_%s' % p.name)
    lines.append('  double Got = %s_grad(%s);' % (fn.name, ', '.join(args + adj)))
    want = point.get('want')
    value = point.get('value')
    lines.append('  int Bad = 0;')
    if value is not None:
        lines.append('  Bad |= check("value", Got, %s);' % value)
    if want is not None:
        i = 0
        for p in fn.params:
            if p.floating and p.active:
                cnt = n if p.kind == 'array' else 1
                for e in range(cnt):
                    if i < len(want):
                        nm = ('d_%s[%d]' % (p.name, e)) if p.kind == 'array' else 'd_%s' % p.name
                        lines.append('  Bad |= check("%s", %s, %s);' % (nm, nm, want[i]))
                    i += 1
    else:
        lines.append('  (void)Got;')
    if written:
        # f_grad must leave what it writes as f does.
        lines.append('  %s(%s);' % (fn.name, ', '.join(args_f)))
        for name, cnt in written:
            if cnt is None:
                lines.append('  Bad |= check("%s after", %s, %s_f);' % (name, name, name))
            else:
                for e in range(cnt):
                    lines.append('  Bad |= check("%s[%d] after", %s[%d], %s_f[%d]);' % (name, e, name, e, name, e))
    lines.append('  if (!Bad) std::printf("ok\\n");')
    lines.append('  return Bad;')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def parse_point(o):
    res = {}
    for l in o.lines:
        parts = l.split()
        if parts[0] == 'INPUT' and 'n' not in res:
            for kv in parts[3:]:
                if '=' not in kv:
                    continue
                key, val = kv.split('=', 1)
                if key == 'n':
                    res['n'] = int(val)
                elif key == 'k':
                    res['k'] = int(val)
                elif key == 'idx':
                    res['idx'] = [int(x) for x in val.split(',') if x]
                else:
                    res[key] = [x for x in val.split(',') if x]
        elif parts[0] == 'WANT' and 'want' not in res:
            res['want'] = parts[3:]
        elif parts[0] == 'VALUE' and 'value' not in res:
            res['value'] = parts[3].split('=', 1)[1]
    return res


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

def normalize_msg(msg):
    m = re.sub(r"'[^']*'|‘[^’]*’", "'…'", msg)
    m = re.sub(r'"[^"]*"', '"…"', m)
    m = re.sub(r'\b\d+\b', 'N', m)
    return m.strip()


class Run:
    def __init__(self, cfg, a):
        self.cfg = cfg
        self.a = a
        self.lock = threading.Lock()
        self.results = []     # (prog, func-or-helper, Outcome, batch_dir)
        self.warnings = collections.Counter()
        self.stats = collections.Counter()
        self.batches_done = 0
        self.t0 = time.time()

    def batch_sizes(self):
        n = self.a.count
        b = self.a.batch
        res = []
        start = 0
        while start < n:
            res.append((len(res), start, min(b, n - start)))
            start += b
        return res

    def do_batch(self, bidx, start, count, nbatches):
        t0 = time.time()
        prog = gen.generate_batch(self.a.seed, bidx, start, count, self.cfg.features, self.cfg.math_style)
        wd = os.path.join(self.workroot, 'batch%04d' % bidx)
        compilers = ['clang']
        if self.a.gxx_every > 0 and bidx % self.a.gxx_every == 0:
            compilers.append('gcc')
        ev = Evaluator(self.cfg, prog, prog.funcs, wd, compilers=compilers)
        out = ev.evaluate()
        byname = {f.name: f for f in prog.funcs + prog.helpers}
        with self.lock:
            for name, o in out.items():
                self.results.append((prog, byname[name], o, wd))
            for w in ev.warnings:
                self.warnings[w] += 1
            self.stats.update(ev.stats)
            self.batches_done += 1
            c = collections.Counter(o.status for o in out.values())
            sys.stdout.write('[%d/%d] batch %d: %d functions, %s (%.1fs)\n' % (
                self.batches_done, nbatches, bidx, len(out),
                ', '.join('%s %d' % kv for kv in sorted(c.items())), time.time() - t0))
            sys.stdout.flush()
        if not self.a.keep_all:
            failed = any(o.failed() for o in out.values())
            if not failed:
                shutil.rmtree(wd, ignore_errors=True)

    def run(self):
        self.workroot = tempfile.mkdtemp(prefix='gradgen-random-', dir=self.a.workdir)
        batches = self.batch_sizes()
        if self.a.only_batch is not None:
            batches = [b for b in batches if b[0] == self.a.only_batch]
        sys.stdout.write('gradgen random test: seed %d, %d functions in %d batches, features %s, %s\n' % (
            self.a.seed, sum(b[2] for b in batches), len(batches), ','.join(sorted(self.cfg.features)),
            'SELFTEST (oracle vs finite differences, no gradgen)' if self.cfg.selftest else 'gradgen ' + self.cfg.gradgen))
        sys.stdout.flush()
        errors = []
        with concurrent.futures.ThreadPoolExecutor(max_workers=self.a.jobs) as ex:
            futs = [ex.submit(self.do_batch, b, s, c, len(batches)) for b, s, c in batches]
            for f in futs:
                try:
                    f.result()
                except InfraError as e:
                    errors.append(str(e))
                    sys.stdout.write('INFRASTRUCTURE ERROR: %s\n' % str(e)[:3000])
        failures = [(p, f, o, wd) for p, f, o, wd in self.results if o.failed()]
        reduced = self.reduce_all(failures) if failures and not self.a.no_reduce else {}
        rc = self.report(failures, reduced, errors)
        if not self.a.keep_all and rc == 0 and not errors:
            shutil.rmtree(self.workroot, ignore_errors=True)
        elif self.a.keep_all or failures:
            sys.stdout.write('work directory kept: %s\n' % self.workroot)
        return rc

    def reduce_all(self, failures):
        keep = self.a.keep or os.path.join(self.workroot, 'failures')
        os.makedirs(keep, exist_ok=True)
        per_cat = collections.Counter()
        todo = []
        for p, f, o, wd in failures:
            cat = o.category()
            per_cat[cat] += 1
            if self.a.reduce_only and f.name not in self.a.reduce_only.split(','):
                continue
            if per_cat[cat] <= self.a.max_reduce:
                todo.append((p, f, o, wd))
        reduced = {}

        def one(item):
            p, f, o, wd = item
            d = os.path.join(keep, '%s-seed%d-%s' % (re.sub(r'[^a-z_0-9]+', '_', o.category()), self.a.seed, f.name))
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
            # the original failing program
            for fn in ('prog.cpp', 'prog_fwd.h', 'driver.cpp', 'prog_grad.cpp'):
                src = os.path.join(wd, fn)
                if os.path.exists(src):
                    shutil.copy(src, os.path.join(d, 'orig_' + fn))
            with open(os.path.join(d, 'outcome.json'), 'w') as fh:
                json.dump(o.to_json(), fh, indent=1)
            if f.helper_kind:
                return f.name, (d, None, None)
            r = Reducer(self.cfg, p, f, o, os.path.join(d, 'work'))
            t0 = time.time()
            small, so = r.reduce(budget_s=self.a.reduce_time)
            shutil.rmtree(os.path.join(d, 'work'), ignore_errors=True)
            header = ('gradgen random-test repro (%s)\n'
                      'from: run.py --seed %d --batch %d, function %s (%d -> %d chars, %d tests, %.0fs)\n'
                      'build: gradgen repro.cpp -o repro_grad.cpp -- -I INCLUDE && '
                      'clang++-19 -std=c++17 -I INCLUDE repro_grad.cpp && ./a.out\n'
                      'first failure: %s') % (o.category(), self.a.seed, self.a.batch, f.name, size_of(f),
                                              size_of(small), r.tests, time.time() - t0,
                                              (so.msg or o.msg)[:300])
            text = repro_text(p, small, so, header)
            with open(os.path.join(d, 'repro.cpp'), 'w') as fh:
                fh.write(text)
            return f.name, (d, small, so)

        with concurrent.futures.ThreadPoolExecutor(max_workers=self.a.jobs) as ex:
            for name, res in ex.map(one, todo):
                reduced[name] = res
        return reduced

    def report(self, failures, reduced, errors):
        res = self.results
        funcs = [r for r in res if not r[1].helper_kind]
        helpers = [r for r in res if r[1].helper_kind]
        st = collections.Counter(o.status for _, _, o, _ in res)
        kinds = collections.Counter()
        for _, _, o, _ in res:
            if o.status == 'fail':
                for k in o.kinds:
                    kinds[k] += 1
        comps = sum(getattr(o, 'comps', 0) for _, _, o, _ in res)
        fdc = sum(getattr(o, 'fd_checked', 0) for _, _, o, _ in res)
        fds = sum(getattr(o, 'fd_skipped', 0) for _, _, o, _ in res)
        sing = sum(getattr(o, 'singular', 0) for _, _, o, _ in res)
        progs = len({id(p) for p, _, _, _ in res})
        w = sys.stdout.write
        w('\n==== summary (%.0fs) ====\n' % (time.time() - self.t0))
        w('programs (batches): %d   functions tested: %d (+%d annotated helpers)\n' % (progs, len(funcs), len(helpers)))
        w('gradient components checked: %d (finite differences: %d checked, %d skipped as non-smooth)\n' % (comps, fdc, fds))
        if sing:
            w('points skipped where the exact derivative is not finite: %d\n' % sing)
        w('ok: %d\n' % st['ok'])
        nm = sum(1 for _, _, o, _ in res if o.status == 'fail' and any(k in MISMATCH_KINDS for k in o.kinds))
        no = sum(1 for _, _, o, _ in res if o.status == 'fail' and not any(k in MISMATCH_KINDS for k in o.kinds))
        w('mismatches: %d %s\n' % (nm, dict((k, v) for k, v in kinds.items() if k in MISMATCH_KINDS) or ''))
        w('oracle disagreements (suspect the tester): %d %s\n' % (no, dict((k, v) for k, v in kinds.items() if k in ORACLE_KINDS) or ''))
        w('gradgen crashes: %d   gradgen timeouts: %d\n' % (st['gradgen_crash'], st['gradgen_timeout']))
        w('generated code that does not compile: %d\n' % st['compile_fail'])
        w('run-time crashes: %d   run-time timeouts: %d\n' % (st['runtime_crash'], st['timeout']))
        w('refusals (gradgen exit 1): %d\n' % st['refused'])
        w('functions whose generated code has warnings: %d%s\n' % (
            st['warning'], '' if self.a.werror else ' (not failures without --werror)'))
        if st['badprimal']:
            w('skipped (non-finite primal value: a generator weakness): %d\n' % st['badprimal'])
        if st['missing']:
            w('not run: %d\n' % st['missing'])
        ign = dict((k[8:], v) for k, v in self.stats.items() if k.startswith('ignored_'))
        if ign:
            w('failures ignored (--ignore-kinds): %s\n' % ign)
        if st['refused']:
            byk = collections.defaultdict(list)
            for _, f, o, _ in res:
                if o.status == 'refused':
                    byk[normalize_msg(o.msg)].append((f.name, o.msg))
            w('refusals by message:\n')
            for k, v in sorted(byk.items(), key=lambda kv: -len(kv[1]))[:30]:
                w('  %5d  %s\n         e.g. %s: %s\n' % (len(v), k, v[0][0], v[0][1][:200]))
        if self.warnings:
            w('warnings in generated code (-Wall -Wextra): %d\n' % sum(self.warnings.values()))
            byk = collections.Counter()
            for (which, msg), c in self.warnings.items():
                byk[(which, normalize_msg(msg))] += c
            for (which, k), c in byk.most_common(15):
                w('  %5d  [%s] %s\n' % (c, which, k))
        if failures:
            w('failures:\n')
            for p, f, o, wd in sorted(failures, key=lambda x: (x[2].category(), x[1].name))[:200]:
                w('  %-10s %-22s [%s] %s\n' % (f.name, o.category(), o.compiler, o.msg[:160]))
                if f.name in reduced:
                    d = reduced[f.name][0]
                    w('             -> %s\n' % d)
        if errors:
            w('infrastructure errors: %d\n' % len(errors))
        bad = failures or errors
        w('RESULT: %s\n' % ('FAIL' if bad else 'PASS'))
        if self.a.json:
            with open(self.a.json, 'w') as fh:
                json.dump({'status': dict(st), 'kinds': dict(kinds),
                           'failures': [{'name': f.name, 'outcome': o.to_json()} for _, f, o, _ in failures],
                           'refusals': [{'name': f.name, 'msg': o.msg} for _, f, o, _ in res if o.status == 'refused']},
                          fh, indent=1)
        if errors:
            return 2
        return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--gradgen', help='the gradgen binary (or fake_gradgen.py)')
    ap.add_argument('--selftest', action='store_true',
                    help='no gradgen: check the dual-number oracle against finite differences')
    ap.add_argument('--count', type=int, default=100, help='number of functions (default 100)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--jobs', '-j', type=int, default=2)
    ap.add_argument('--batch', type=int, default=30, help='functions per generated program (default 30)')
    ap.add_argument('--features', default='default',
                    help='comma list of %s; "all", "default" (%s); "-x" removes x' % (
                        ','.join(gen.ALL_FEATURES), ','.join(gen.DEFAULT_FEATURES)))
    ap.add_argument('--math-style', default='mixed', choices=['mixed', 'std', 'global'],
                    help='std::sin, sin or a mix (default)')
    ap.add_argument('--points', type=int, default=3, help='random input points per function')
    ap.add_argument('--keep', help='directory for failing cases and repros (default: failures/ in the kept work directory)')
    ap.add_argument('--keep-all', action='store_true', help='keep every work directory')
    ap.add_argument('--workdir', help='where to make the temporary work directory')
    ap.add_argument('--clangxx', default=shutil.which('clang++-19') or 'clang++')
    ap.add_argument('--gxx', default=shutil.which('g++') or 'g++')
    ap.add_argument('--gxx-every', type=int, default=4,
                    help='also build and run every Nth batch with g++ (0: never; default 4)')
    ap.add_argument('--include', default=os.path.normpath(os.path.join(HERE, '..', '..', 'include')),
                    help="gradgen's include directory")
    ap.add_argument('--opt', default='-O1', help='optimization for the generated code (default -O1)')
    ap.add_argument('--sanitize', action='store_true', help='build with ASan+UBSan')
    ap.add_argument('--timeout', type=int, default=300, help='seconds per subprocess')
    ap.add_argument('--no-reduce', action='store_true', help='do not reduce failures')
    ap.add_argument('--max-reduce', type=int, default=3, help='failures reduced per category (default 3)')
    ap.add_argument('--reduce-time', type=int, default=600, help='seconds per reduction (default 600)')
    ap.add_argument('--only-batch', type=int, help='run just this batch index')
    ap.add_argument('--reduce-only', help='reduce only these failing functions (comma list)')
    ap.add_argument('--werror', action='store_true', help='fail on warnings in generated code')
    ap.add_argument('--ignore-kinds', help='treat failures of only these kinds as passes, e.g. accum '
                    '(to look past a known bug)')
    ap.add_argument('--json', help='write a machine-readable summary here')
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args(argv)
    if not a.selftest and not a.gradgen:
        ap.error('--gradgen is required (or --selftest)')
    if a.gradgen and not os.path.exists(a.gradgen):
        sys.stderr.write('run.py: no such gradgen: %s\n' % a.gradgen)
        return 2
    a.include = os.path.abspath(a.include)
    if a.gradgen:
        a.gradgen = os.path.abspath(a.gradgen)
    if a.keep:
        a.keep = os.path.abspath(a.keep)
    if a.werror:
        HARD_STATUSES.append('warning')
    try:
        cfg = Config(a)
    except ValueError as e:
        ap.error(str(e))
    try:
        return Run(cfg, a).run()
    except InfraError as e:
        sys.stderr.write('run.py: %s\n' % e)
        return 2


if __name__ == '__main__':
    sys.exit(main())
