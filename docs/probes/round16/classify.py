import sys,re
# Usage: python3 classify.py EVAL_V_OUTPUT [x]  (x lists each line with its cause)
# class of each baseline spurious line, by document number and pair (helper-57's reading)
M='member paired with its own organisation or region'
C='collective reference of a meeting of many expanded into members'
G='group code where the key lists members, or the reverse'
H='hypothetical, planned or agentless act (expected/could/must, passive with no agent)'
B='nominal or background event inside another act (condemned X\'s invasion, in light of, years of talks)'
D='debatable second or other code for the same pair'
R='wrong direction (visitor 042 from a welcome, reversed investment)'
A='wrong actor or target attributed'
rules=[
('102','USA→CAS 04',G),('102','CAS→USA 04',G),('102','USA→AFG 05',A),('103','',A),('104','',G),
('109','',M),('111','',D),('114','',A),('203','',D),('204','',D),('207','',A),('208','',H),('209','',D),
('213','',B),('214','',D),('302','',A),('307','',H),('308','',A),('310','',A),('312','',A),('313','',A),
('314','AFG→TJK 05',D),('314','TJK→AFG 05',D),('314','TJK→AFG 11',D),('314','TJK→IMGREB 01',D),
('401','RUS→CAS 03',H),('401','CAS→RUS 03',H),('401','UKR→RUS 19',A),('402','',M),('403','',C),('404','',M),
('405','CSTO→TJK',M),('405','',R),('406','',R),('408','USA→CAS 05',D),('408','',G),('409','USA→CAS 05',D),('409','CAS→USA 03',R),('409','',G),
('410','',R),('411','EUR',A),('411','CAS→EUR',A),('411','RUS→',B),('411','',C),('412','',G),('413','IND→AFG',D),('413','',G),
('414','RUS→UKR',B),('414','',C),('415','',M),('504','',A),('505','',B),('510','',A),('514','',D),('515','',A),
('603','',A),('604','',D),('608','',A),('609','',H),('610','',A),('611','',A),('701','',D),('703','RUS→KGZ 07',D),('703','KGZ→RUS 06',D),('703','KGZ→RUS 03',H),
('706','',H),('708','',D),('709','',D),('710','',R),('712','CZE→KOR 03',H),('712','',A),('805','UKR→KAZ',H),('805','KAZ→UKR',H),('805','',B),
('806','',B),('810','',H),('811','BRN',A),('811','',M),
]
def cls(doc,line):
    for d,pat,c in rules:
        if doc.startswith(d) and pat in line: return c
    return '?'
from collections import Counter
cnt=Counter(); out=[]
doc=None
for l in open(sys.argv[1]):
    if l.startswith('== '): doc=l.split()[1]
    elif l.startswith('  spurious'):
        c=cls(doc,l); cnt[c]+=1; out.append((c,doc,l.strip()))
for c,n in cnt.most_common(): print(f'{n:4d}  {c}')
print(f'{sum(cnt.values()):4d}  total')
if len(sys.argv)>2:
    for c,d,l in sorted(out): print(c[:20],'|',d[:40],'|',l)
