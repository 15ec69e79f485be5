import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import *
W0 = [[1, 2], [0, 1], [3, -1]]; A = [1, -1]; B = [2, 1, 4]; alpha_r = 1
printed = {'colterm1': ['2', '0', '6'], 'colterm2': ['2', '1', '-1'], 'ybase': ['4', '1', '5'], 'h': ['1'],
           'dy': ['2', '1', '4'], 'y': ['6', '2', '9'], "h'": ['3'], "dy'": ['6', '3', '12']}
def run(x, tag):
    out = {}
    out['colterm1'] = [W0[i][0] * x[0] for i in range(3)]; out['colterm2'] = [W0[i][1] * x[1] for i in range(3)]
    out['ybase'] = [out['colterm1'][i] + out['colterm2'][i] for i in range(3)]
    out['h'] = [sum(A[j] * x[j] for j in range(2))]
    out['dy'] = [alpha_r * B[i] * out['h'][0] for i in range(3)]
    out['y'] = [out['ybase'][i] + out['dy'][i] for i in range(3)]
    return out
o = run([2, 1], '')
for k in ('colterm1', 'colterm2', 'ybase', 'h', 'dy', 'y'):
    for i, s in enumerate(printed[k]): rep(f'{k}[{i+1}]', mpf(o[k][i]), s)
o2 = run([5, 2], "'")
rep("h'", mpf(o2['h'][0]), printed["h'"][0])
for i, s in enumerate(printed["dy'"]): rep(f"dy'[{i+1}]", mpf(o2['dy'][i]), s)
summary()
