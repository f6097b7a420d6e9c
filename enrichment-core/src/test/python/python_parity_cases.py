"""Writes python-parity-cases.json: random dirty URLs and user agents with the answers Python itself gives.

The functions below restate the Glue job's rules (docs/data-contract.md, "The Glue job's rules") with Python's own
re, urllib.parse.unquote and str.lower, so the Java core is checked against Python's semantics, not against a
second Java reading of them. Run from this folder with python3 (3.10 or newer); the output is committed.
"""
import re, random, json
from urllib.parse import unquote
def sig(url):
    url = unquote(url.lower())
    url = ''.join(url.split())
    i = url.find('/v1/')
    if i == -1: return "INVALID URL"
    r = url[i+3:]
    if r.startswith('/entity/md5'): return '/entity/md5/#'
    if r.startswith('/evaluation/name'): return '/evaluation/name/#'
    if r.startswith('/entity/alias'): return '/entity/alias/#'
    if r.startswith('/2fa'): return r
    if r.startswith('/user/bundle'): return '/user/bundle'
    if '/access/' in r: return '/objects/#/access/#'
    if '/schema/type/registered/' in r: return '/schema/type/registered/#'
    r = re.sub(r';[^/]+', '', r)
    r = re.sub(r'[^\w/]', '', r)
    r = re.sub(r'\b(syn|fh)\d+(\.\d+)?\b|\b\d+(\w+)?[^/]\b', '#', r)
    r = re.sub(r'/\d+', '/#', r)
    return r
def eid(url):
    m = re.search(r'/entity/(syn\d+|\d+)', url.lower())
    if not m: return None
    v = int(m.group(1).replace('syn',''))
    return v if v < 2**63 else None
B = re.compile(r'(?i)(mozilla|safari|opera|lynx|ucweb|chrome|firefox)')
def client(ua):
    if ua is None: return 'UNKNOWN'
    if 'Synapse-Web-Client' in ua or B.search(ua): return 'WEB'
    if 'Synapse-Java-Client' in ua or 'Synpase-Java-Client' in ua: return 'JAVA'
    for t,c in [('synapser','SYNAPSER'),('synapseRClient','R'),('synapsecommandlineclient','COMMAND_LINE'),('synapseclient','PYTHON'),('ELB-HealthChecker','ELB_HEALTHCHECKER'),('SynapseRepositoryStack','STACK')]:
        if t in ua: return c
    return 'UNKNOWN'
tok={'SYNAPSER':'synapser','R':'synapseRClient','COMMAND_LINE':'synapsecommandlineclient','PYTHON':'synapseclient','ELB_HEALTHCHECKER':'ELB-HealthChecker','STACK':'SynapseRepositoryStack'}
def version(c, ua):
    if ua is None or c is None: return None
    if c=='WEB':
        if B.search(ua):
            m = re.match(r'(?i)(mozilla|safari|opera|lynx|ucweb|chrome|firefox)/(\S+)', ua)
            return m.group(2) if m else None
        m = re.search(r'Synapse-Web-Client/(\S+)', ua); return m.group(1) if m else None
    if c=='JAVA':
        p = 'Synpase-Java-Client' if ua.startswith('Synpase') else 'Synapse-Java-Client'
        m = re.search(p + r'/(\S+)', ua); return m.group(1) if m else None
    if c=='UNKNOWN': return None
    m = re.search(tok[c] + r'/(\S+)', ua); return m.group(1) if m else None
random.seed(7)
CASES = 2500
pieces = ['/','/','/','/repo/v1/','/v1/','v1','syn','SYN','fh','1','23','٣','5','.','.1',';','x;y','%','%2','%2F','%41','%C3','%A9','%C3%A9','%E2%82','%ZZ','+','?','&','=','_','-','a','Z','é','İ','Σ','ß','\u0301','\u00a0','%C2%A0','%20',' ','\t','%0A','\u3000','\u2160','²','entity','/entity/','md5','/2fa','access','/access/','user','bundle','wiki2','\ufffd','ǅ','%ED%A0%80','%F0%9F%98%80','😀','%FF','%e2%80%a8']
uas = ['Mozilla/5.0 x','mozilla','MOZILLA/ ','Synapse-Web-Client/1','Synapse-Java-Client/','Synpase-Java-Client/2','synapser/0.1','synapseRClient/','synapseclient/ 2','synapseclient/3\u00a0x','python','operator','ELB-HealthChecker/2.0','SynapseRepositoryStack/4','  ','/','1.0','ſafari/1','\u212aMOZILLA','x','Chrome/1 Safari/2','ucweb/','\u0085','lynx/\u2028v']
out=[]
for n in range(CASES):
    url=''.join(random.choice(pieces) for _ in range(random.randint(0,12)))
    ua=''.join(random.choice(uas) for _ in range(random.randint(0,4))) if random.random()<0.95 else None
    c=client(ua)
    out.append({'url':url,'sig':sig(url),'eid':eid(url),'ua':ua,'client':c,'version':version(c,ua)})
with open('../resources/reference/python-parity-cases.json', 'w', encoding='utf-8') as f:
    f.write('[\n' + ',\n'.join(json.dumps(case, ensure_ascii=True) for case in out) + '\n]\n')
print(len(out), 'cases written')
