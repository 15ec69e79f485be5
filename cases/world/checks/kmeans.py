from fractions import Fraction as Fr
from mpmath import mp, mpf, sqrt
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__)); from chk import report
mp.dps=50
P=[(1,1),(1,2),(2,1),(8,8),(9,8),(8,9)]; C=[(1,1),(8,8)]
D2=[[(p[0]-c[0])**2+(p[1]-c[1])**2 for p in P] for c in C]; print('D2',D2)
D=[[sqrt(v) for v in r] for r in D2]
pr=[['0','1','1','9.9','10.6','10.6'],['9.9','9.2','9.2','0','1','1']]
rows=[]
for k in range(2):
  for j in range(6):
    if '.' in pr[k][j]: rows.append((f'D{k+1}{j+1}',D[k][j],pr[k][j]))
    else: assert D2[k][j]==int(pr[k][j])**2, (k,j)
report(rows)
asg=[1 if D[0][j]<D[1][j] else 2 for j in range(6)]; print('assign',asg, 'margins', [float(abs(D[0][j]-D[1][j])) for j in range(6)])
cent=[]
for k in (1,2):
  pts=[P[j] for j in range(6) if asg[j]==k]
  cent.append((Fr(sum(p[0] for p in pts),len(pts)),Fr(sum(p[1] for p in pts),len(pts))))
print('centroids',cent)
report([('C1x',mpf(cent[0][0].numerator)/cent[0][0].denominator,'1.33'),('C2x',mpf(25)/3,'8.33')])
Cd=[(Fr(133,100),Fr(133,100)),(Fr(833,100),Fr(833,100))]
print('assign new',[1 if (p[0]-Cd[0][0])**2+(p[1]-Cd[0][1])**2 < (p[0]-Cd[1][0])**2+(p[1]-Cd[1][1])**2 else 2 for p in P])
