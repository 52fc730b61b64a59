#!/usr/bin/env python3
"""Normalises a build/registry/compose transcript so that two recordings of the same scenario can be compared.

Copied from ../swarm/normalize.py and extended for builds, pushes and docker-compose 1.29 (marked
"build:" below).

Usage: normalize.py TRANSCRIPT            -> normalised text on stdout
       normalize.py --diff A B            -> unified diff of the two, normalised (exit 1 if they differ)

What it replaces or folds (see README.md):
  * join tokens            SWMTKN-1-<50>-<25>      -> SWMTKN-1-<cluster#n>-<secret#n>
  * sha256 digests                                  -> sha256:<digest>
  * ids: 64-hex (containers, networks), 25-character swarm ids (nodes, services, tasks, networks,
    secrets, configs) and their 12-character truncations -> <id#n>, numbered in order of first
    appearance, a truncation getting the number of its full id
  * timestamps (RFC 3339 and Go's "2006-01-02 15:04:05.999 +0000 utc") -> <time>
  * relative times ("5 seconds ago", "Less than a second ago", "Up 3 minutes") -> <rel>
  * the swarm CA certificate and its public key, raft version indexes
  * progress: the countdown of "verify: Waiting N seconds" and repeated identical progress lines
    (a non-terminal prints one line per refresh, and the count depends on timing) fold to one;
    layer download/extract progress lines are dropped
  * order the engine itself varies: nslookup answers (busybox asks for A and AAAA at once and prints
    each reply under its own "Non-authoritative answer:" in arrival order; the headers and blank
    lines after the server's address are dropped and the Name/Address pairs sorted), consecutive
    "Creating/Updating/Removing service" lines of a stack deploy or rm
  * build: carriage returns: the legacy builder redraws "Sending build context to Docker daemon  N kB"
    and ends it with "\r\r\n"; a line keeps what a terminal would show (its last \r-separated part)
  * build: the recorder's temporary folder /tmp/scenario.XXXX -> /tmp/scenario.<tmp>, and the compose
    project name docker-compose derives from it (scenarioxxxx, lowercased) -> scenario<tmp>
  * build: layer lines of pull, push and load ("<12 hex>: Pushed", "Layer already exists",
    "Mounted from ...", "Pull complete", "Already exists"...) -> "<layer>: ...", the progress-only ones
    (Waiting, Pushing, Downloading, Verifying Checksum, Download complete, Extracting) dropped, and each
    run of them sorted (layers are pushed and pulled concurrently, in any order)
  * build: truncated digests of docker-compose pull ("digest: sha256:d1db19da0ef8f34978...")
  * build: the colour codes that split a RUN step's stderr into chunks (ESC[0m ESC[91m at a chunk
    boundary) are joined: where the daemon cuts the stream varies
  * build: docker-compose 1.29 works on containers in parallel: each run of its progress lines
    ("Creating demo_web_1 ... ", "... done", "Stopping and removing ...", "demo_db_1 is up-to-date")
    is sorted, and the padding of the name before "..." (it follows the names printed so far, so it
    depends on timing) becomes one space
  * build: a push to a published port whose container does not speak HTTP ends in "EOF" or in
    "read tcp A->B: read: connection reset by peer" depending on timing -> <EOF or connection reset>
  * build: `docker diff` prints its A/C/D lines in an order that varies from run to run: each run of
    them is sorted; so are the interleaved lines of `docker-compose logs` ("web_1  | ...")
  * build: Docker Hub's answer about an image it does not have: the offline oracle cannot reach
    Docker Hub and prints its DNS error (Get "https://registry-1.docker.io/v2/": dial tcp: lookup
    registry-1.docker.io on A:53: no such host) where Hub answers "pull access denied for NAME,
    repository does not exist or may require 'docker login': denied: requested access to the
    resource is denied" or "manifest for NAME:TAG not found: manifest unknown: manifest unknown"
    (a Hub name: no registry host): each becomes <Docker Hub's answer>
  * build: a registry's tag list ({"name":"myapp","tags":["latest","1.0"]}) is sorted: registry 2.8
    lists the tags in the order its disk's directory gives them (distribution v2.8.2
    registry/storage/tagstore.go All, filesystem driver List: Readdirnames, unsorted); registry 3
    sorts them
  * runs of two or more spaces (table padding, which follows the width of the cells above) -> two
    spaces; trailing blanks are removed
"""
import difflib
import re
import sys

TOKEN = re.compile(r'SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})')
DIGEST = re.compile(r'sha256:[0-9a-f]{64}')
HEX64 = re.compile(r'(?<![0-9a-zA-Z])[0-9a-f]{64}(?![0-9a-zA-Z])')
ID25 = re.compile(r'(?<![0-9a-zA-Z])(?=[0-9a-z]*[0-9])[0-9a-z]{25}(?![0-9a-zA-Z])')
ID12 = re.compile(r'(?<![0-9a-zA-Z<#])(?=[0-9a-z]*[0-9])[0-9a-z]{12}(?![0-9a-zA-Z])')
TIME_RFC = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)')
TIME_GO = re.compile(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} (utc|UTC)')
REL = re.compile(r'(Less than a second|About an? (minute|hour)|an? (minute|hour)|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))(?= ago)')
UP = re.compile(r'\bUp (Less than a second|About an? (minute|hour)|\d+ (seconds?|minutes?|hours?))')
WAIT = re.compile(r'Waiting \d+ seconds to verify')
LAYER_PROGRESS = re.compile(r'^[0-9a-f]{12}: (Waiting|Downloading|Extracting|Verifying Checksum|Download complete)')
TABLE_ID_HEADER = re.compile(r'^(ID|CONTAINER ID|NETWORK ID)\s')
TMPDIR = re.compile(r'/tmp/scenario\.[A-Za-z0-9]{4}\b')
PROJECT = re.compile(r'\bscenario[a-z0-9]{4}(?=_|\b)')
LAYER = re.compile(r'^[0-9a-f]{12}: ')
LAYER_DROP = re.compile(r'^[0-9a-f]{12}: (Waiting|Pushing|Downloading|Extracting|Verifying Checksum|Download complete|Loading layer)')
SHORT_DIGEST = re.compile(r'sha256:[0-9a-f]{6,63}\.\.\.')
COMPOSE_PROGRESS = re.compile(r'^((Creating|Starting|Stopping|Removing|Restarting|Recreating|Killing|Pulling|Stopping and removing) \S+ +\.\.\.( |$)|\S+ is up-to-date$)')
HUB_ANSWERS = [re.compile(r'Get "https://registry-1\.docker\.io/v2/": dial tcp: lookup registry-1\.docker\.io on [^ ]+:53: no such host'),
               re.compile(r"pull access denied for [a-z0-9._/-]+, repository does not exist or may require 'docker login': "
                          r"denied: requested access to the resource is denied"),
               re.compile(r'manifest for [a-z0-9_-]+(/[a-z0-9._-]+)*:[A-Za-z0-9._-]+ not found: manifest unknown: manifest unknown')]
TAG_LIST = re.compile(r'^(\{"name":"[^"]*","tags":\[)([^\]]*)(\]\})$')
PROXY_CLOSED = re.compile(r'(Get "http://127\.0\.0\.1:\d+/v2/": )(EOF|read tcp [0-9.:]+->[0-9.:]+: read: connection reset by peer)$')
SORTED_RUNS = [COMPOSE_PROGRESS, re.compile(r'^<layer>: '), re.compile(r'^[ACD] /'),
               re.compile(r'^(\x1b\[[0-9;]*m)?[a-z0-9_.-]+_\d+ +\|'), re.compile(r'^(Creating|Updating|Removing) (service|network|secret|config) '),
               re.compile(r'^(Name:\s|Address:\s(?!127\.0\.0\.11))')]


class Ids:
    def __init__(self):
        self.full, self.short, self.count = {}, {}, 0

    def next(self):
        self.count += 1
        return self.count

    def name(self, value):
        if len(value) > 12:
            if value not in self.full:
                self.full[value] = self.short.get(value[:12]) or self.next()
                self.short.setdefault(value[:12], self.full[value])
            return '<id#%d>' % self.full[value]
        if value not in self.short:
            self.short[value] = self.next()
        return '<id#%d>' % self.short[value]


def normalise(text):
    ids, tokens = Ids(), {}
    out, in_cert, table_ids, in_nslookup = [], False, False, False

    def token(m):
        c = tokens.setdefault(('c', m.group(1)), len(tokens) + 1)
        s = tokens.setdefault(('s', m.group(2)), len(tokens) + 1)
        return 'SWMTKN-1-<cluster#%d>-<secret#%d>' % (c, s)

    for line in text.split('\n'):
        if '\r' in line:   # build: "Sending build context ... 2.048kB\r\r": a line redrawn with carriage returns
            line = ([seg for seg in line.split('\r') if seg] or [''])[-1]
        if line.startswith('$ ') or line.startswith('[rc='):
            table_ids = in_nslookup = False
            out.append(line.rstrip())
            continue
        if '-----BEGIN CERTIFICATE-----' in line and '\\n' not in line:
            in_cert = True
            out.append('<certificate>')
            continue
        if in_cert:
            in_cert = '-----END CERTIFICATE-----' not in line
            continue
        if LAYER_PROGRESS.match(line) or LAYER_DROP.match(line):
            continue
        line = line.replace('\x1b[0m\x1b[91m', '')
        line = TMPDIR.sub('/tmp/scenario.<tmp>', line)
        line = PROJECT.sub('scenario<tmp>', line)
        line = SHORT_DIGEST.sub('sha256:<digest>...', line)
        line = PROXY_CLOSED.sub(r'\1<EOF or connection reset>', line)
        for hub in HUB_ANSWERS:
            line = hub.sub("<Docker Hub's answer>", line)
        line = TAG_LIST.sub(lambda m: m.group(1) + ','.join(sorted(m.group(2).split(','))) + m.group(3), line)
        if LAYER.match(line):
            line = '<layer>: ' + line[14:]
        if line.startswith('Address:') and '127.0.0.11:53' in line:
            in_nslookup = True   # busybox asks A and AAAA at once: the answers' blocks come in either order
        elif in_nslookup and (line.strip() in ('', 'Non-authoritative answer:')):
            continue
        line = re.sub(r'"TrustRoot": "[^"]*"', '"TrustRoot": "<certificate>"', line)
        line = re.sub(r'"CertIssuerPublicKey": "[^"]*"', '"CertIssuerPublicKey": "<key>"', line)
        line = re.sub(r'^( Issuer Public Key:\s+).*', r'\1<key>', line)
        line = re.sub(r'"Index": \d+', '"Index": <n>', line)
        # The legacy builder's ADD/COPY content hash covers the files' times: an artefact of when.
        line = re.sub(r'#\(nop\) (ADD|COPY) (file|dir):[0-9a-f]+', r'#(nop) \1 \2:<hash>', line)
        line = TOKEN.sub(token, line)
        line = DIGEST.sub('sha256:<digest>', line)
        line = TIME_RFC.sub('<time>', line)
        line = TIME_GO.sub('<time>', line)
        if TABLE_ID_HEADER.match(line):
            table_ids = True
        elif table_ids:
            m = re.match(r'^(\s*\\_ )?([0-9a-z]{12}|[0-9a-z]{25})(?=\s)', line)
            if m:
                line = line[:m.start(2)] + ids.name(m.group(2)) + line[m.end(2):]
        line = HEX64.sub(lambda m: ids.name(m.group(0)), line)
        line = ID25.sub(lambda m: ids.name(m.group(0)), line)
        line = ID12.sub(lambda m: ids.name(m.group(0)), line)
        line = REL.sub('<rel>', line)
        line = UP.sub('Up <rel>', line)
        line = WAIT.sub('Waiting <n> seconds to verify', line)
        line = re.sub(r' {2,}', '  ', line).rstrip()
        if COMPOSE_PROGRESS.match(line):   # build: the padding before "..." follows the names seen so far
            line = re.sub(r' +\.\.\.', ' ...', line)
        if out and line == out[-1] and (line.startswith('overall progress:') or line.startswith('verify:')
                                        or re.match(r'^\d+/\d+:', line)):
            continue
        out.append(line)

    # sort the runs of lines whose order the engine varies
    result, i = [], 0
    while i < len(out):
        for pattern in SORTED_RUNS:
            j = i
            while j < len(out) and pattern.match(out[j]):
                j += 1
            if j - i > 1:
                if pattern is SORTED_RUNS[-1]:   # nslookup: sort Name/Address pairs together
                    block = out[i:j]
                    pairs = [block[k:k + 2] for k in range(0, len(block), 2)] if all(
                        block[k].startswith('Name:') for k in range(0, len(block), 2)) else [[b] for b in block]
                    result.extend(x for p in sorted(pairs) for x in p)
                else:
                    result.extend(sorted(out[i:j]))
                i = j
                break
        else:
            result.append(out[i])
            i += 1
    return '\n'.join(result) + '\n'


def main(argv):
    if len(argv) == 4 and argv[1] == '--diff':
        a, b = (normalise(open(p, newline='').read()).splitlines(keepends=True) for p in argv[2:])
        diff = list(difflib.unified_diff(a, b, argv[2], argv[3]))
        sys.stdout.writelines(diff)
        return 1 if diff else 0
    if len(argv) == 2:
        sys.stdout.write(normalise(open(argv[1], newline='').read()))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
