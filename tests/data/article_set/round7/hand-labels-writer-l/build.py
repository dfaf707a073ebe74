# Mechanical only: turns hand-typed lines into JSON and checks verbatim substrings. Makes no labelling decision.
import json, glob, os, re, sys, collections
OUT = '/work/round7-l'
arts = {os.path.basename(p)[:-4]: p for p in glob.glob(OUT + '/articles/*.txt')}
K = {'n': 'numeric', 'q': 'quote'}; L = {'s': 'supports', 'c': 'conflicts', 'r': 'related'}
ws = lambda s: re.sub(r'\s+', ' ', s).strip()
lines, bad = [], 0
for nf in sorted(glob.glob('/work/round7-l/hand_labels/[0-9][0-9].txt')):
    nn = os.path.basename(nf)[:2]
    aid = [a for a in arts if a.startswith('h7l-' + nn)][0]
    text = open(arts[aid]).read()
    for i, raw in enumerate(open(nf).read().splitlines()):
        if not raw.strip(): continue
        f = raw.split('@@')
        if len(f) != 6: print('FIELDS', nf, i, raw[:80]); bad += 1; continue
        claim, k, src, ev, l, reason = f
        if text.count(claim) != 1: print('CLAIM x%d' % text.count(claim), aid, claim); bad += 1
        sp = f'{OUT}/corpora/{aid}/{src}'
        if not os.path.exists(sp): print('NOSRC', aid, src); bad += 1
        elif ws(ev) not in ws(open(sp).read()): print('EVID', aid, src, ev[:90]); bad += 1
        lines.append(dict(article=aid, claim=claim, kind=K[k], source=src, evidence=ev, label=L[l], reason=reason))
with open(OUT + '/gold.jsonl', 'w') as g:
    for d in lines: g.write(json.dumps(d, ensure_ascii=False) + '\n')
for l in open(OUT + '/gold.jsonl'): json.loads(l)
print('lines', len(lines), 'bad', bad)
c = collections.Counter((d['article'], d['kind'], d['label']) for d in lines)
for a in sorted(arts):
    n = [c[(a, k, l)] for k in K.values() for l in L.values()]
    print(a, 'num s/c/r', n[:3], 'quote s/c/r', n[3:], 'total', sum(n),
          'words', len(open(arts[a]).read().split()),
          'claims', len({d['claim'] for d in lines if d['article'] == a}))
for k in K.values():
    print(k, [sum(c[(a, k, l)] for a in arts) for l in L.values()])
for p in sorted(glob.glob(OUT + '/corpora/*/*')): print(len(open(p).read().split()), p[len(OUT)+9:])
