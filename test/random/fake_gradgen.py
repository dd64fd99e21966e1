#!/usr/bin/env python3
"""A stand-in for gradgen, for testing run.py itself (not gradgen).

    fake_gradgen.py DIR/prog.cpp -o OUT.cpp [-- clang args]

Reads DIR/prog.json (written by gen.py next to prog.cpp) and writes OUT.cpp
that #includes prog.cpp and defines each annotated function's f_grad with
forward mode (one dual-number run per input coordinate, using the templated
twins in DIR/prog_fwd.h). Its gradients are therefore right, unless a bug is
injected with the environment variable FAKE_GRADGEN_BUG=TOKEN:MODE (several
separated by ';'): for each annotated function whose source contains TOKEN,
MODE is one of
    wrong    the first gradient component is off by 1e-3
    refuse   exit 1 with a clang-style error at the token's line
    crash    die with SIGABRT
    badcode  emit a _grad that does not compile
    segv     the _grad writes through a null pointer at run time
The exit codes follow gradgen's contract (0 ok, 1 refused, 2 usage).
"""
import json
import os
import signal
import sys


def main(argv):
    if '--' in argv:
        argv = argv[:argv.index('--')]
    if len(argv) != 4 or argv[2] != '-o':
        sys.stderr.write('usage: fake_gradgen.py FILE.cpp -o OUT.cpp [-- clang args]\n')
        return 2
    src, out = argv[1], argv[3]
    try:
        text = open(src).read().split('\n')
        meta = json.load(open(os.path.join(os.path.dirname(os.path.abspath(src)), 'prog.json')))
    except OSError as e:
        sys.stderr.write('fake_gradgen: %s\n' % e)
        return 2
    bugs = []
    for b in os.environ.get('FAKE_GRADGEN_BUG', '').split(';'):
        if ':' in b:
            bugs.append(tuple(b.split(':', 1)))
    ranges = meta['ranges']
    annotated = []
    for fn in meta['functions']:
        r = ranges.get(fn['name'])
        if not r:
            continue
        first = text[r[0] - 1]
        if 'GRADGEN_DIFFERENTIABLE' in first:
            annotated.append(fn)
    modes = {}
    errors = []
    for fn in annotated:
        r = ranges[fn['name']]
        body = text[r[0] - 1:r[1]]
        for tok, mode in bugs:
            for i, line in enumerate(body):
                if tok in line:
                    modes[fn['name']] = mode
                    if mode == 'refuse':
                        errors.append('%s:%d:%d: error: fake refusal of %s' % (
                            src, r[0] + i, line.index(tok) + 1, tok))
                    break
    if errors:
        for e in errors:
            sys.stderr.write(e + '\n')
        sys.stderr.write('%d error%s generated.\n' % (len(errors), '' if len(errors) == 1 else 's'))
        return 1
    if 'crash' in modes.values():
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGABRT)
    lines = ['#include "%s"' % os.path.abspath(src),
             '#include "%s"' % os.path.join(os.path.dirname(os.path.abspath(src)), 'prog_fwd.h'),
             '#include <vector>', '']
    for fn in annotated:
        if fn['ret'] != 'double':
            continue
        lines += grad_function(fn, modes.get(fn['name']))
    with open(out, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return 0


def grad_function(fn, mode):
    ps = fn['params']
    nname = next((p['name'] for p in ps if p['kind'] == 'n'), None)
    L = ['%s {' % fn['grad_decl'], '  using D = gg_test::dual<double>;']
    # dual copies of every floating input, rebuilt for each run
    L.append('  auto run = [&](int Slot, int Elem) -> D {')
    slot = 0
    args = []
    for p in ps:
        k = p['kind']
        if k == 'scalar':
            L.append('    D v_%s(%s); if (Slot == %d) v_%s.d = 1;' % (p['name'], p['name'], slot, p['name']))
            args.append('v_%s' % p['name'])
        elif k == 'ref':
            L.append('    D v_%s(%s); if (Slot == %d) v_%s.d = 1;' % (p['name'], p['name'], slot, p['name']))
            args.append('v_%s' % p['name'])
        elif k == 'array':
            L.append('    std::vector<D> v_%s(%s, %s + %s); if (Slot == %d) v_%s[Elem].d = 1;' % (
                p['name'], p['name'], p['name'], nname, slot, p['name']))
            args.append('v_%s.data()' % p['name'])
        else:
            args.append(p['name'])
        if k in ('scalar', 'ref', 'array'):
            slot += 1
    L.append('    return %s_fwd<D>(%s);' % (fn['name'], ', '.join(args)))
    L.append('  };')
    L.append('  double Value = run(-1, 0).v;')
    slot = 0
    first = True
    for p in ps:
        k = p['kind']
        if k in ('scalar', 'ref', 'array'):
            if p['active']:
                bump = ' + 1e-3' if (mode == 'wrong' and first) else ''
                if k == 'array':
                    L.append('  for (int I = 0; I < %s; ++I) d_%s[I] += run(%d, I).d%s;' % (nname, p['name'], slot, bump))
                else:
                    L.append('  *d_%s += run(%d, 0).d%s;' % (p['name'], slot, bump))
                first = False
            slot += 1
    if mode == 'segv':
        L.append('  *(volatile double *)nullptr = Value;')
    if mode == 'badcode':
        L.append('  this_does_not_compile;')
    # leave the caller's memory as the primal would
    L.append('  %s(%s);' % (fn['name'], ', '.join(p['name'] for p in ps)))
    L.append('  return Value;')
    L.append('}')
    L.append('')
    return L


if __name__ == '__main__':
    sys.exit(main(sys.argv))
