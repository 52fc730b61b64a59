#!/usr/bin/env python3
"""Records the real docker client's verdict on a table of command lines, for the grammar tests.

Usage: python3 scripts/record-docker-grammar-fixture.py [SEEDS_DIR]
       writes Tests/LabCoreTests/Fixtures/grammar/cases.json

Each case is argv after `docker` (shlex-split). The client runs with DOCKER_HOST=unix:///nonexistent,
no daemon, no terminal, an empty HOME (its path replaced by /root), LANG=C. Recorded: stdout,
stderr, exit status, and `accepted` = the client went on to contact the daemon (its stderr says
"Cannot connect to the Docker daemon" or "error during connect").

Cases: every docker line of the seed notes without shell syntax (a leading `$ ` or `sudo `
stripped), the same lines with their <PLACEHOLDER> words replaced by a plain word, and a
systematic table generated from the recorded grammar (help of every command, bare groups, arity
errors, unknown and missing-value flags, typed values, ports, image references, typos, etc.).
"""
import json, os, re, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
HOME = tempfile.mkdtemp()
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": HOME, "DOCKER_HOST": "unix:///nonexistent", "LANG": "C"}
SHELL = re.compile(r"[|&;><`$\\(){}*?]|#|\[|\]")


def docker(args):
    p = subprocess.run(["docker"] + args, env=ENV, stdin=subprocess.DEVNULL, capture_output=True, cwd=HOME, timeout=30)
    fix = lambda s: s.decode("utf-8", "replace").replace(HOME, "/root")
    return fix(p.stdout), fix(p.stderr), p.returncode


def seed_lines(seeds):
    """Docker lines of the notes: whole lines, and inline `code spans` starting with docker."""
    out = []
    for name in sorted(os.listdir(seeds)):
        if not name.endswith(".md"):
            continue
        for raw in open(os.path.join(seeds, name), encoding="utf-8").read().split("\n"):
            raw = raw.strip()
            if raw.startswith("$ "):
                raw = raw[2:].lstrip()
            if raw.startswith("sudo "):
                raw = raw[5:].lstrip()
            if raw.startswith("docker ") or raw == "docker":
                out.append(raw)
                continue
            for span in re.findall(r"`([^`]+)`", raw):
                span = span.strip()
                if span.startswith("docker "):
                    out.append(span)
    return out


def table(grammar):
    cmds = grammar["commands"]
    cases = []
    add = lambda group, line: cases.append((group, line))
    for key in sorted(cmds):
        add("help", (key + " --help").strip())
    for key in sorted(cmds):
        if cmds[key]["subcommands"]:
            add("bare-group", key)
            add("unknown-subcommand", (key + " bogus").strip())
    for key in sorted(cmds):
        c = cmds[key]
        if c["subcommands"]:
            continue
        a = c["arity"]
        if a["min"] and a["min"] > 0:
            add("arity-below", key)
        if a["max"] is not None and a["max"] >= 0:
            add("arity-above", key + " " + " ".join("x%d" % i for i in range(a["max"] + 1)))
        add("unknown-flag", key + " --bogus-flag")
        add("unknown-shorthand", key + " -Z")
        valued = [f for f in c["flags"] if f["type"] != "bool" and not f.get("hidden")]
        if valued:
            add("missing-value", key + " --" + valued[0]["long"])
            if valued[0]["short"]:
                add("missing-value-short", key + " -" + valued[0]["short"])
        bools = [f for f in c["flags"] if f["type"] == "bool"]
        if bools:
            add("bad-bool", key + " --" + bools[0]["long"] + "=maybe " + " ".join("x%d" % i for i in range(a["min"] or 0)))
    for key in ["help " + k for k in ["run", "ps", "network", "network ls", "container", "image ls", "bogus", "network bogus", "swarm init"]]:
        add("help-command", key)
    for line in ["-h", "--help", "", "-v", "--version", "-v ps", "ps -h", "run -h", "network -h", "network ls -h",
                 "network --help", "network ls --help=true", "ps --help=false", "run --help=foo", "--help ps",
                 "help", "help help", "ps --help extra args", "network bogus --help", "bogus --help", "help -h"]:
        add("help-forms", line)
    typos = ["contaner ls", "containers ls", "imgaes", "image list", "images ls", "ps -all", "ps --a", "run -name web nginx",
             "stat", "exec -it", "exec web", "rn nginx", "network list", "network ls -a", "volume list", "volumes ls",
             "compose up", "compose", "swarm int", "service list", "service create", "container", "image",
             "container ls -la", "logs", "stop", "rm", "rmi", "pull", "push", "tag nginx", "build", "run", "create",
             "inspect", "start", "kill", "top", "port", "attach", "commit", "cp a", "diff", "rename a",
             "wait", "pause", "unpause", "restart", "history", "save", "load x", "import", "export", "search",
             "login a b", "logout a b", "version x", "info x", "events x", "stats -a=maybe", "ps -q -a x",
             "run --name", "run --name=", "run -d", "run -it", "ps -f", "ps --filter", "ps --filter status",
             "ps --filter=status=exited", "ps -f status=running -f name=web", "ps -aq", "ps -qa", "ps -n 3", "ps -n=3",
             "ps -n3", "ps -nabc", "ps --last -1", "ps --format '{{.ID}}'", "images -q", "images nginx", "images nginx alpine",
             "rm -f a b c", "rm -fv web", "rm -vf", "rmi -f nginx", "container rm --force=false web", "container rm --force=true web",
             "container rm --force=1 web", "container rm --force=T web", "container rm --force=yes web",
             "stop -t 5 web", "stop --time=5 web", "stop -t abc web", "stop --timeout abc web", "stop --timeout 5 web",
             "restart -t 1 web", "logs -f --tail 10 web", "logs --tail=all web", "logs --tail abc web", "logs --since 10m web",
             "logs -n 5 web", "logs web --follow", "logs web extra", "exec web ls -la", "exec -it web sh -c 'ls'",
             "exec web", "exec -u root web id", "exec -e A=1 web env", "exec web -it sh", "exec --bogus web",
             "network create --driver", "network create --driver overlay --attachable net1", "network create net1 net2",
             "network connect a", "network connect a b c", "network disconnect -f a b", "network rm", "network inspect",
             "network volume", "network ls --filter driver=bridge", "network ls -f driver", "network ls -q extra",
             "volume create", "volume create v1 v2", "volume create --driver local --opt type=tmpfs v1", "volume rm -f v1",
             "volume ls -q", "volume prune -f", "volume prune --filter label=a", "system prune -af", "system prune --volumes -a",
             "system df -v", "system info", "system events --since 1h", "image prune -a -f", "container prune -f",
             "image rm nginx", "image remove nginx", "container remove web", "container list", "container ps -a",
             "image ls -a", "image list -q", "image pull nginx:latest", "image pull -a nginx", "image push -a nginx",
             "image tag nginx mynginx:1", "image tag nginx", "image tag nginx a b", "image save -o x.tar nginx",
             "image inspect -f '{{.Id}}' nginx", "image history --no-trunc nginx", "image build -t app .",
             "image build -t app", "image build --build-arg A=1 -f Dockerfile .", "build -t app . extra",
             "swarm init --advertise-addr 10.0.0.1", "swarm init extra", "swarm join", "swarm join a b", "swarm leave -f",
             "swarm join-token worker", "swarm join-token -q manager", "swarm join-token", "swarm update --task-history-limit 2",
             "node ls -q", "node inspect --pretty self", "node update --availability drain n1", "node update n1",
             "node rm -f n1", "node promote", "node demote n1", "service create --name web -p 80:80 nginx",
             "service create --replicas abc nginx", "service create --replicas -1 nginx", "service scale web=3",
             "service scale web", "service rm", "service ls -q", "service logs -f web", "service update --replicas 3 web",
             "service update --image nginx:alpine web", "service rollback web", "service ps -q web", "service inspect --pretty web",
             "secret create s1 file", "secret ls", "config ls", "stack deploy -c compose.yml app", "stack deploy app",
             "stack rm app", "stack ls", "stack services app", "stack ps app", "context ls", "context use", "context use a b",
             "context show", "builder prune -af", "plugin ls", "trust inspect nginx", "manifest inspect nginx",
             "checkpoint ls web", "inspect --type container web", "inspect --type=bogus web", "inspect -s web", "inspect -f '{{.Name}}' a b",
             "version --format '{{.Client.Version}}'", "info --format '{{json .}}'", "events --filter foo",
             "events --since", "stats --no-stream", "stats --no-stream a b", "top web aux", "top web -ef", "port web 80/tcp",
             "port web 80 81", "rename a b", "cp web:/etc/hosts .", "cp ./a web:/tmp", "commit web myimg:1", "commit -m msg web",
             "commit web myimg extra", "wait a b", "kill -s HUP web", "kill --signal=KILL a b", "update --memory 512m web",
             "update --cpus 1.5 web", "update --cpus abc web", "update --restart always web", "update -m abc web",
             "attach --no-stdin web", "diff web", "export -o a.tar web", "save -o a.tar nginx alpine", "load -i a.tar",
             "import a.tar img", "search nginx", "search --limit 5 nginx", "search --limit abc nginx", "search",
             "login -u user -p pass", "login --password-stdin -u user", "logout", "tag a b", "tag a", "tag A b", "tag a B",
             "pull", "pull nginx alpine", "pull NGINX", "pull nginx:", "pull :latest", "pull nginx@sha256:abc",
             "pull nginx:1.2.3", "pull docker.io/library/nginx:latest", "pull localhost:5000/app", "pull -q nginx",
             "pull --platform linux/amd64 nginx", "push Nginx", "push myrepo/app:v1", "push -q app", "rmi Nginx",
             "create nginx", "create Nginx", "create -it --name web nginx sh", "create --name web -p 80 nginx",
             "--log-level debug ps", "-l bogus ps", "-D ps", "--debug=false ps", "--debug=maybe ps", "-H", "-H tcp://127.0.0.1:1 ps",
             "--host", "--context", "-c", "--config", "--tls ps", "--tlsverify=true ps", "--bogus ps", "-Z ps", "ps -D",
             "-D", "--log-level", "-l", "-- ps", "ps --", "run -- nginx", "run nginx -- ls", "run -d -- nginx",
             "rm -- -f", "rm -f -- web", "network create -- net1"]
    for t in typos:
        add("typical", t)
    runs = ["run nginx", "run -d nginx", "run -dit nginx", "run -itd --name web nginx", "run -d -p80:80 nginx",
            "run -d -p 80:80 nginx", "run -p 8080:80/tcp nginx", "run -p 8080:80/udp nginx", "run -p 8080:80/sctp nginx",
            "run -p 8080:80/bogus nginx", "run -p 80 nginx", "run -p 127.0.0.1:80:80 nginx", "run -p 127.0.0.1::80 nginx",
            "run -p 8000-8010:80 nginx", "run -p 8000-8010:8000-8010 nginx", "run -p 8000-8010:8000-8005 nginx",
            "run -p 8010-8000:80 nginx", "run -p abc nginx", "run -p abc:80 nginx", "run -p 80:abc nginx", "run -p 99999:80 nginx",
            "run -p 80:99999 nginx", "run -p 0:80 nginx", "run -p 80:0 nginx", "run -p :80 nginx", "run -p 80: nginx",
            "run -p ::80 nginx", "run -p [::1]:80:80 nginx", "run -p 1.2.3.4:80:80:80 nginx", "run -p 80:80:80 nginx",
            "run -p -1:80 nginx", "run -p 80/tcp nginx", "run -p '' nginx", "run --publish=80:80 nginx", "run -P nginx",
            "run --expose 80 nginx", "run --expose abc nginx", "run --expose 80-90 nginx",
            "run -m abc nginx", "run -m 512m nginx", "run -m 1g nginx", "run -m 1.5g nginx", "run -m 100 nginx",
            "run -m 1x nginx", "run -m -1 nginx", "run --memory=256MB nginx", "run --memory-swap -1 nginx",
            "run --cpus 1.5 nginx", "run --cpus abc nginx", "run --cpus=-1 nginx", "run --cpu-shares 512 nginx",
            "run --cpu-shares abc nginx", "run --blkio-weight 70000 nginx", "run --blkio-weight abc nginx", "run --blkio-weight -1 nginx",
            "run --pids-limit abc nginx", "run --oom-score-adj abc nginx", "run --stop-timeout abc nginx",
            "run --health-interval 5s nginx", "run --health-interval abc nginx", "run --health-interval 5 nginx",
            "run --health-retries abc nginx", "run --shm-size 64m nginx", "run --shm-size abc nginx",
            "run --ulimit nofile=1024:2048 nginx", "run --ulimit nofile nginx", "run --ulimit bogus=1 nginx", "run --ulimit nofile=abc nginx",
            "run --restart foo nginx", "run --restart always nginx", "run --restart on-failure:3 nginx",
            "run -v a:b:c:d nginx", "run -v /data:/data nginx", "run -v data:/data:ro nginx", "run --mount type=bind nginx",
            "run --mount bogus nginx", "run -e A=1 -e B nginx", "run --env-file missing.env nginx", "run -l a=b nginx",
            "run --label-file missing nginx", "run --add-host a:1.2.3.4 nginx", "run --add-host bogus nginx",
            "run --dns 8.8.8.8 nginx", "run --dns bogus nginx", "run --ip 10.0.0.2 nginx", "run --ip bogus nginx",
            "run --network host nginx", "run --net host nginx", "run --name web nginx", "run --name 'my web' nginx",
            "run --rm=false nginx", "run --rm=true nginx", "run -d=false nginx", "run -t=false -i nginx", "run -it=false nginx",
            "run -i=maybe nginx", "run --rm --rm nginx", "run -e A=1 --env B=2 nginx env", "run nginx -d", "run nginx --rm",
            "run -d nginx -p 80:80", "run ubuntu bash -c 'echo hi'", "run Nginx", "run nginx:", "run nginx:Latest",
            "run :latest", "run nginx@sha256:123", "run -d NGINX:latest", "run my_repo/app", "run My/App", "run a..b",
            "run -w /app nginx", "run -u 1000 nginx", "run --entrypoint sh nginx", "run --platform linux/arm64 nginx",
            "run --pull always nginx", "run --pull bogus nginx", "run --log-opt max-size=10m nginx", "run --log-opt bogus nginx",
            "run --sysctl net.ipv4.ip_forward=1 nginx", "run --sysctl bogus nginx", "run --device /dev/sda nginx",
            "run --tmpfs /run nginx", "run --cap-add NET_ADMIN nginx", "run --privileged nginx", "run --init nginx",
            "run --read-only nginx", "run --hostname h nginx", "run -h h nginx", "run --link db:db nginx",
            "run --link bogus:a:b nginx", "run --cidfile x nginx", "run --detach-keys ctrl-x nginx", "run --stop-signal KILL nginx",
            "run --stop-signal BOGUS nginx", "run --gpus all nginx", "run --gpus bogus nginx", "run --security-opt seccomp=unconfined nginx",
            "run --attach stdin nginx", "run -a bogus nginx", "run --isolation bogus nginx", "run --storage-opt size=1G nginx",
            "run -d --memory 1g --cpus 2 -p 8080:80 -v /srv:/usr/share/nginx/html:ro --name web nginx:1.25",
            "create -p abc nginx", "create -m abc nginx", "service create -p abc nginx", "service create --limit-memory abc nginx",
            "service create --limit-cpu abc nginx", "service create --mode bogus nginx", "service create Nginx",
            "service create --replicas 2 --name web -p 8080:80 nginx:alpine", "service update --publish-add 8080:80 web",
            "service update --publish-add abc web", "service update --replicas=abc web"]
    for r in runs:
        add("run-validation", r)
    hexid = "0123456789abcdef" * 4
    edges = ["-Dl debug ps", "-l=debug ps", "--log-level=DEBUG ps", "--log-level=warning ps", "-H=tcp://x:1 ps",
             "--config /tmp ps", "-c default ps", "--context=default ps", "-v --help", "-vD", "--version=false",
             "--version=maybe", "-D -- ps", "--", "--tlsverify ps", "-h ps", "--help network ls", "--help bogus",
             "ps --help=1", "ps -h=false", "network create --help net1", "run --help nginx", "run nginx --help",
             "exec -it web --help", "help container ls", "help container list", "help ps", "help run extra",
             "help network ls extra", "container --help ls", "container ls --help -x", "container ls -x --help",
             "network -h ls", "network --help ls", "container -a ls", "network --bogus", "network ls --", "container -- ls",
             "container --", "network --help=false", "network --help=false ls", "ps -aqn 3", "ps -an3", "ps -qan=3",
             "run -itdp 80:80 nginx", "run -itp80:80 nginx", "run -dP nginx", "rm -fv=false web", "ps --all=1",
             "ps --all=T", "ps --all=", "ps -a=", "ps --quiet=FALSE", "ps ---all", "ps ---", "ps -", "rm -", "run -- -x",
             "run --name -d nginx", "run -e -x nginx", "logs --tail -1 web", "ps -n -1", "ps -n 0x10", "ps -n 1_000",
             "ps -n 010", "ps -n 99999999999999999999", "ps -n +3", "ps -n 0b101", "ps -n 0o17", "ps -n 09",
             "search --limit 1.5 nginx", "run --health-interval 1h30m nginx", "run --health-interval 1.5s nginx",
             "run --health-interval -1s nginx", "run --health-interval 5x nginx", "run --health-interval '' nginx",
             "run --health-timeout 0 nginx", "run --health-timeout .5s nginx", "run --health-timeout 1d nginx",
             "run --stop-timeout 10 nginx", "run -m 1.5.5g nginx", "run -m ' 1g' nginx", "run -m '1 g' nginx",
             "run -m 1kib nginx", "run -m 1KiB nginx", "run -m 1kb nginx", "run -m 1kbb nginx", "run -m 1e3 nginx",
             "run -m .5g nginx", "run -m 0 nginx", "run --shm-size 1b nginx", "run -m 1bb nginx", "run -m g nginx",
             "run -m '' nginx", "run --memory-swap -2 nginx", "run --memory-swap 1g nginx", "run --cpus 1/2 nginx",
             "run --cpus 0.0000000001 nginx", "run --cpus 1e-3 nginx", "run --cpus 1e-10 nginx", "run --cpus '' nginx",
             "run --cpus .5 nginx", "run --cpus 1. nginx", "run --cpus 0x1 nginx", "run --ulimit nofile=10:5 nginx",
             "run --ulimit nofile=-1:10 nginx", "run --ulimit nofile=-1 nginx", "run --ulimit nofile=1:2:3 nginx",
             "run --ulimit nofile= nginx", "run -p 80-81:90 nginx", "run -p 80:90-91 nginx", "run -p 1.2.3.4::80/udp nginx",
             "run -p [::1]::80 nginx", "run -p [::1:80:80 nginx", "run -p 80/TCP nginx", "run -p 80/ nginx", "run -p /tcp nginx",
             "run -p 8080:80/tcp/udp nginx", "run -p 65535:65535 nginx", "run -p 65536:80 nginx", "run -p 00080:80 nginx",
             "run -p 1-65535:80 nginx", "run -p 0-10:80 nginx", "run -p 10-0:80 nginx", "run -p 80-80:80 nginx",
             "run -p localhost:80:80 nginx", "run -p 0.0.0.0:80:80 nginx", "run -p 1.2.3.4:80 nginx",
             "run --expose 80/tcp nginx", "run --expose 80- nginx", "run --expose -80 nginx", "run --expose 80:90 nginx",
             "run --expose 70000 nginx", "run --expose 90-80 nginx", "run nginx:latest@sha256:" + hexid, "run localhost:5000/app",
             "run LOCALHOST/app", "run registry.example.com/team/app:v1.2", "run Registry.Example.com/app", "run a/b/c/d",
             "run a__b", "run a___b", "run a--b", "run a.-b", "run a.b", "run a..b/c", "run _abc", "run abc_", "run nginx:-x",
             "run nginx:.x", "run nginx:_x", "run nginx:" + "a" * 129, "run nginx:" + "a" * 128, "run ubuntu:22.04", "run " + hexid,
             "run " + hexid[:63], "run nginx@sha256:" + hexid, "run nginx@sha256:" + hexid[:40], "run nginx@md5:" + hexid[:32],
             "run example.com:5000/app:1", "run example.com:abc/app", "run [::1]:5000/app", "run -a.com/app", "run a-.com/app",
             "run a.com/App", "run UPPER", "run ubuntu:22.04 bash -c ls", "pull library/nginx", "pull docker.io/Nginx",
             "pull index.docker.io/Nginx", "pull docker.io/library/Nginx", "push localhost:5000/App", "push example.com/a/B:1",
             "tag nginx localhost:5000/nginx:v1", "tag nginx:1 nginx:Tag", "tag nginx nginx:", "tag Nginx nginx", "tag nginx A",
             "create --name x ubuntu:Latest", "run -d Ubuntu:22.04 bash", "create :x", "image pull a..b", "pull a:b:c",
             "run --mount type=volume,src=v,dst=/data nginx", "run --mount type=bind,source=/a,target=/b,readonly nginx",
             "run --mount source=/a nginx", "run --mount type=tmpfs,destination=/x nginx", "run --mount , nginx",
             "run --mount '' nginx", "run --mount type=bind,target=/b,ro nginx", "run --add-host a=1.2.3.4 nginx",
             "run --add-host :1.2.3.4 nginx", "run --add-host a: nginx", "run --add-host a:bogus nginx",
             "run --add-host host.docker.internal:host-gateway nginx", "run --add-host a:::1 nginx", "run --dns ::1 nginx",
             "run --dns 1.2.3 nginx", "run --dns 256.1.1.1 nginx", "run --dns 01.2.3.4 nginx", "ps -f status=",
             "ps -f =x", "images -f dangling=true", "volume ls -f ''", "service create --replicas 0x2 nginx",
             "service scale web=3 db", "service scale web=abc", "service scale", "stack ls --orchestrator swarm",
             "stack --orchestrator swarm ls", "update --restart=always --memory 1g --memory-swap 2g web",
             "logs --since 2024-01-01 web", "logs --tail all web", "events --until 10m", "kill -s 9 web", "context use default",
             "container bogus extra --flag", "network bogus -x", "trust key bogus", "trust bogus", "trust key",
             "run -name=web nginx", "run --name web -p 80 80 nginx", "run -d -p 80:80 --name web", "images -a -q extra",
             "ps -a -q --filter status=exited", "container run -it --rm alpine", "run -t -i alpine", "run -ti alpine sh",
             "exec -ti web bash", "exec -d web touch /x", "exec -w /tmp web pwd", "exec -e X web env",
             "container exec -it web", "run --rm -v vol:/data alpine ls /data", "run --rm --volumes-from web alpine",
             "run --network=my_net --network-alias=api alpine", "run --restart=unless-stopped -d nginx",
             "run -d --health-cmd 'curl -f localhost' --health-interval 5s nginx", "network connect --alias db net web",
             "network create --subnet 10.0.0.0/24 net1", "network create --subnet bogus net1", "network create --ip-range x net1",
             "network create -o com.docker.network.bridge.name=br0 net1", "network create --ipv6 net1", "network create -d overlay net1",
             "volume create --name v1", "volume create -d local v1", "volume create -o type=nfs v1", "volume create --label a v1",
             "swarm init --advertise-addr eth0 --listen-addr 0.0.0.0:2377", "swarm join --token X 1.2.3.4:2377",
             "swarm join --token X", "swarm init --default-addr-pool 10.0.0.0/8", "swarm init --cert-expiry 1h",
             "swarm init --cert-expiry abc", "swarm update --cert-expiry 5", "swarm init --dispatcher-heartbeat 5s",
             "node update --label-add a=b n1", "node update --role bogus n1", "node update --availability bogus n1",
             "service create --mode global nginx", "service create --restart-condition bogus nginx",
             "service create --update-delay 10s nginx", "service create --update-delay 10 nginx",
             "service create --update-parallelism abc nginx", "service create --update-failure-action bogus nginx",
             "service create --endpoint-mode bogus nginx", "service create --publish published=80,target=80 nginx",
             "service create --publish mode=host,target=80 nginx", "service create -p 80:80/bogus nginx",
             "service create --limit-memory 1x nginx", "service create --reserve-cpu 1/2 nginx", "service create --env-file x nginx",
             "service create --secret s nginx", "service create --config c nginx", "service create --mount bogus nginx",
             "service create --mount type=volume,target=/d nginx", "service update --rollback web", "service update --force web",
             "service update --image Nginx web", "service rollback -d web", "service logs --since 1h web",
             "service logs --tail x web", "service ps --filter desired-state=running web", "service ps -f bogus web",
             "secret create --label a s1 -", "config create c1 -", "system prune --filter until=24h", "system prune --filter x",
             "image prune --filter until=1h", "container prune --filter label", "builder prune --keep-storage 1g",
             "builder prune --keep-storage abc", "image build --memory 1x .", "build --shm-size abc .", "build -t app --no-cache .",
             "build --target x -f Dockerfile.dev .", "build", "image build", "builder build .", "commit --change 'CMD ls' web img",
             "commit -c x web", "save nginx", "load", "import - img", "export web", "events --format json",
             "stats --format '{{.Name}}' a", "inspect --size --type container web", "version -f json", "info -f json",
             "system df --format json", "login localhost:5000", "login -u", "logout localhost:5000", "search --filter stars=3 nginx",
             "search --filter stars nginx", "search --no-trunc nginx", "history --format json nginx", "image ls --digests",
             "image ls --tree", "image ls --format '{{.Repository}}'", "plugin install vieux/sshfs", "plugin ls -q",
             "context create ctx --docker host=tcp://x:2375", "context ls -q", "context inspect", "manifest inspect -v nginx",
             "trust sign nginx:latest", "checkpoint create web cp1", "checkpoint ls", "update --cpus 0.5 --memory 256m a b",
             "update --pids-limit x web", "update --kernel-memory 1g web", "update --blkio-weight 10 web", "wait web db",
             "port web", "port web 80/bogus", "rename web", "top web -eo pid", "attach --sig-proxy=false web",
             "cp -a web:/a /b", "cp -L ./x web:/y", "stop -s SIGKILL web", "stop --time 5 web", "restart --time=abc web",
             "kill web db", "pause web db", "unpause web", "rm -l link", "rm --link x", "rm -v web", "rmi -f a b",
             "rmi --no-prune a", "image rm", "image save -o x", "image history", "image inspect", "image tag",
             "image push", "image import", "image load -q", "image prune -a --force", "ps -ñ", "ps -añ", "ps --ñ",
             "run ñginx", "run nginx:ñ", "ps -f ñ", "run -p ñ nginx", "run -e ÄÖ=1 nginx", "rm -fñ web", "run --name ünï nginx",
             "service create --mode replicated-job nginx", "service create --mode global-job nginx",
             "service create --mode Global nginx", "inspect --type CONTAINER web", "inspect --type image web",
             "stack deploy -c '' app", "stack config", "stack config -c x", "run --platform nginx:1 nginx",
             "run --platform 'windows(10.0)' nginx", "create --platform 'lin ux/amd64' nginx", "save --platform linux/arm64 img",
             "history --platform bogus img", "rmi --platform bogus img", "push --platform bogus img",
             "run --dns-search example.com nginx", "run --dns-search . nginx", "run --dns-search 1.2 nginx",
             "run --dns-search -a.com nginx", "run --dns-search a..b nginx", "service create --dns-search x=y nginx",
             "build -t Bad .", "build -t ok:1 -t 'bad tag' .", "image build --tag app:v1 ."]
    for e in edges:
        add("edge", e)
    for line in ["trust -h key generate", "container -h ls -a", "network -h bogus", "trust key -h generate x",
                 "container -h -h ls", "network -h --help ls", "container --help -h ls", "image -h", "builder -h build .",
                 "builder --help prune", "--help -h", "-h --help", "-h network ls", "--help network bogus",
                 "network -h ls --bogus", "network --help ls -x", "container -- --help", "network --bogus ls",
                 "network -x ls", "stack --orchestrator", "stack --orchestrator swarm", "stack -c x deploy"]:
        add("group-flags", line)
    for line in ["run --rm --restart always nginx", "run --rm --restart no nginx", "run --rm --restart=on-failure:3 nginx",
                 "run --restart=on-failure:abc nginx", "run --restart=:3 nginx", "run --restart=always: nginx",
                 "run --memory-swappiness 200 nginx", "run --memory-swappiness -1 nginx", "run --memory-swappiness 50 nginx",
                 "run --log-driver none --log-opt a=b nginx", "run --log-driver json-file --log-opt max-size=1m nginx",
                 "run --pid container: nginx", "run --pid container:web nginx", "run --pid host nginx", "run --ipc bogus nginx",
                 "run --cgroupns private nginx", "run --userns host nginx", "run --uts host nginx",
                 "run --mac-address 02:42:ac:11:00:02 nginx", "run --mac-address 02-42-ac-11-00-02 nginx",
                 "run --mac-address 0242.ac11.0002 nginx", "run --mac-address 02:42:ac:11:00 nginx",
                 "run --security-opt no-new-privileges nginx", "run --security-opt label:disable nginx",
                 "run --security-opt label= nginx", "run --security-opt seccomp=missing.json nginx",
                 "run --storage-opt size=10G nginx", "run --network my --network-alias a nginx",
                 "run --network bridge --network-alias a nginx", "run --network-alias a nginx", "run --net=host --net-alias a nginx",
                 "run --platform linux nginx", "run --platform amd64 nginx", "run --platform a/b/c/d nginx",
                 "run --platform 'linux/am d64' nginx", "run --platform linux/arm64/v8 nginx", "run --platform x86_64 nginx",
                 "run --platform Linux nginx", "create --platform bogus nginx", "run --platform bogus Nginx",
                 "events --since 1h", "events --since 2024-01-01T10:00:00", "events --since 1700000000",
                 "events --since 1700000000.5", "events --since 10:00", "events --since 2024-01-01T10:00:00Z",
                 "events --until 2024-13-01", "run -v :/data nginx", "run -v /data nginx", "run -v a:b nginx", "run -v '' nginx",
                 "run -v a::b nginx", "run -v /a:/b: nginx", "run -p abc --pull bogus nginx", "run --mac-address x -p abc nginx",
                 "run -p abc -v '' nginx", "run --pid bogus --uts bogus nginx", "run --health-interval -1s --rm --restart always nginx",
                 "create --rm --restart always nginx", "container create --pull bogus nginx", "container run -p abc nginx",
                 "run --device-cgroup-rule 'c 1:3 mr' nginx", "run --device-cgroup-rule 'a *:* rwm' nginx",
                 "run --device-read-bps /dev/sda:1mb nginx", "run --blkio-weight-device /dev/sda:100 nginx",
                 "service create --host a:1.2.3.4 nginx", "service create --placement-pref spread=node.labels.zone nginx",
                 "service create --generic-resource gpu=1 nginx", "service create --credential-spec file://x nginx",
                 "swarm init --default-addr-pool 10.10.0.0/16", "swarm init --default-addr-pool 10.10.0.0/33",
                 "swarm init --external-ca protocol=cfssl,url=https://ca", "swarm init --availability drain",
                 "swarm join --availability Active --token x 1.2.3.4:2377", "network connect --driver-opt a=b net web",
                 "context create --docker host=unix:///x ctx2"]:
        add("run-options", line)
    add_random(cmds, add)
    add_random(cmds, add, seed=2828, common=12, other=3, group="random2")
    for line in []:
        add("group-flags", line)
    for key in sorted(cmds):
        c = cmds[key]
        if c["subcommands"]:
            continue
        add("help-after-args", key + " x1 --help")
        add("short-help", key + " -h")
    # every valued flag of every command with a value no type accepts as a number, size or spec
    for key in sorted(cmds):
        c = cmds[key]
        if c["subcommands"]:
            continue
        dummies = " ".join("x%d" % i for i in range(c["arity"]["min"] or 0))
        for f in c["flags"]:
            if f["type"] != "bool":
                add("flag-value", ("%s --%s abc %s" % (key, f["long"], dummies)).strip())
    return cases


SAMPLE = {"int": "3", "uint": "2", "uint16": "10", "uint32": "5", "duration": "5s", "bytes": "64m", "decimal": "0.5",
          "filter": "name=x", "ulimit": "nofile=100:200", "mount": "type=volume,target=/d", "port": "8080:80",
          "map": "a=b", "list": "a=b", "stringToString": "a=b", "float": "0.5", "gpu-request": "all",
          "pref": "spread=node.labels.z", "node-addr": "0.0.0.0:2377", "external-ca": "protocol=cfssl,url=https://ca",
          "credential-spec": "file://x", "ipNetSlice": "10.0.0.0/24", "pem-file": "ca.pem"}
NAMED = {"add-host": "db:10.0.0.2", "dns": "8.8.8.8", "link": "db:db", "sysctl": "net.ipv4.ip_forward=1", "attach": "stdout",
         "pull": "always", "restart": "always", "platform": "linux/amd64", "publish": "8080:80", "expose": "80",
         "blkio-weight-device": "/dev/sda:100", "device-read-bps": "/dev/sda:1mb", "device-write-bps": "/dev/sda:1mb",
         "device-read-iops": "/dev/sda:100", "device-write-iops": "/dev/sda:100", "device-cgroup-rule": "c 1:3 mr",
         "security-opt": "no-new-privileges", "storage-opt": "size=1G", "mac-address": "02:42:ac:11:00:02",
         "pid": "host", "uts": "host", "userns": "host", "cgroupns": "private", "ipc": "host", "memory-swappiness": "10",
         "volume": "data:/data", "since": "1h", "until": "1h", "availability": "active", "role": "worker",
         "mode": "replicated", "network-alias": "web", "net-alias": "web", "env-file": "/dev/null", "label-file": "/dev/null",
         "log-driver": "json-file", "log-opt": "max-size=1m", "driver-opt": "a=b", "host": "db:10.0.0.2",
         "host-add": "db:10.0.0.2", "dns-add": "8.8.8.8", "placement-pref": "spread=node.labels.z",
         "generic-resource": "gpu=1", "docker": "host=tcp://x:2375", "format": "{{.ID}}", "type": "container",
         "signal": "KILL", "default-addr-pool": "10.10.0.0/16", "subnet": "10.0.0.0/24", "gateway": "10.0.0.1",
         "ip-range": "10.0.0.0/25", "time": "3", "device": "/dev/null", "compose-file": "/dev/null", "file": "Dockerfile",
         "input": "/dev/null", "output": "/tmp/out.tar", "cidfile": "/tmp/cid", "health-interval": "5s", "scope": "local"}
RANDOM_COMMANDS = ["run", "container run", "create", "exec", "ps", "container ls", "images", "image ls", "rm", "rmi", "logs",
                   "stop", "start", "restart", "kill", "inspect", "pull", "push", "tag", "build", "network create",
                   "network ls", "network connect", "volume create", "volume ls", "volume rm", "service create",
                   "service update", "service ls", "service ps", "service logs", "node ls", "node update", "swarm init",
                   "swarm join", "system prune", "image prune", "container prune", "stats", "top", "port", "cp", "commit",
                   "events", "update", "stack deploy", "stack ps", "secret create", "login", "search", "history", "save"]


def add_random(cmds, add, seed=28, common=30, other=6, group="random"):
    """Seeded random lines: 30 of each command learners use, 6 of every other command: typed
    values, shorts combined, flags on either side of the positionals, `--flag=value`, `-svalue`."""
    import random
    rnd = random.Random(seed)
    others = [k for k in sorted(cmds) if not cmds[k]["subcommands"] and k not in RANDOM_COMMANDS]
    for key in RANDOM_COMMANDS + others:
        c = cmds[key]
        flags = [f for f in c["flags"] if f["long"] not in ("help", "password-stdin", "interactive", "tty")]
        for n in range(common if key in RANDOM_COMMANDS else other):
            chosen = rnd.sample(flags, min(len(flags), rnd.randint(0, 4)))
            words = []
            bools = [f for f in chosen if f["type"] == "bool" and f["short"]]
            if len(bools) >= 2 and rnd.random() < 0.5:
                words.append("-" + "".join(f["short"] for f in bools))
                chosen = [f for f in chosen if f not in bools]
            for f in chosen:
                if f["type"] == "bool":
                    words.append(rnd.choice(["--" + f["long"], "--%s=%s" % (f["long"], rnd.choice(["true", "false"]))]))
                    continue
                v = NAMED.get(f["long"]) or SAMPLE.get(f["type"], "x")
                form = rnd.randint(0, 3)
                if f["short"] and form == 0:
                    words += ["-" + f["short"], v]
                elif f["short"] and form == 1:
                    words.append("-" + f["short"] + v)
                elif form == 2:
                    words.append("--%s=%s" % (f["long"], v))
                else:
                    words += ["--" + f["long"], v]
            lo = c["arity"]["min"] or 0
            hi = c["arity"]["max"] if c["arity"]["max"] is not None and c["arity"]["max"] >= 0 else lo + 2
            count = rnd.randint(lo, max(lo, hi))
            image_first = key in ("run", "container run", "create", "service create", "pull", "push", "history", "save")
            pos = [("nginx:1.25" if image_first and i == 0 else "web%d" % i) for i in range(count)]
            if key == "tag" or key == "commit":
                pos = ["nginx", "mynginx:1"][:count] if key == "tag" else ["web", "snap:1"][:count]
            if key == "cp":
                pos = ["web:/etc/hosts", "/tmp/hosts"][:count]
            if key == "port":
                pos = ["web", "80/tcp"][:count]
            if key in ("swarm join",):
                pos = ["10.0.0.1:2377"][:count]
            split = rnd.randint(0, len(words)) if c.get("interspersed", True) else len(words)
            line = [key] + words[:split] + pos + words[split:]
            add(group, " ".join(shlex.quote(w) for w in line))


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seeds")
    grammar = json.load(open(os.path.join(ROOT, "Sources", "LabCore", "Grammar", "Data", "docker-grammar.json")))
    cases, seen = [], set()
    for line in seed_lines(seeds):
        if SHELL.search(line):
            plain = re.sub(r"<([^<>]+)>", lambda m: re.sub(r"[^a-z0-9]+", "-", m.group(1).lower()).strip("-"), line)
            if plain != line and not SHELL.search(plain):
                cases.append(("seed-placeholder", plain[len("docker"):].strip()))
            continue
        cases.append(("seed", line[len("docker"):].strip()))
    cases += table(grammar)
    out = []
    for group, line in cases:
        if line in seen:
            continue
        seen.add(line)
        args = shlex.split(line)
        o, e, r = docker(args)
        accepted = "Cannot connect to the Docker daemon" in e or "error during connect" in e
        out.append({"group": group, "line": "docker " + line if line else "docker", "args": args,
                    "stdout": o, "stderr": e, "status": r, "accepted": accepted})
    version, _, _ = docker(["--version"])
    data = {"source": {"client": version.strip(), "command": "python3 scripts/record-docker-grammar-fixture.py",
                       "environment": "DOCKER_HOST=unix:///nonexistent, no daemon, no terminal, HOME=/root"},
            "cases": out}
    dest = os.path.join(ROOT, "Tests", "LabCoreTests", "Fixtures", "grammar")
    os.makedirs(dest, exist_ok=True)
    with open(os.path.join(dest, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("%d cases, %d accepted" % (len(out), sum(1 for c in out if c["accepted"])), file=sys.stderr)


if __name__ == "__main__":
    main()
