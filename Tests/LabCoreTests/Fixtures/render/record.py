#!/usr/bin/env python3
"""Records the object-rendering commands (inspect, ps, images, network ls, volume ls with their
flags, filters and formats) from the docker 28.2.2 client against the real engine (Engine 20.10,
../shared/tools) into cases.json: each case keeps the shell line it ran, stdout, stderr, exit
status and the Unix time just before it ran (`now`). Every object it creates is named rnd-… and
removed at the end. Run from this folder: python3 record.py"""
import json, subprocess, time, sys

setup = [
    "docker run -d --name rnd-web -p 8080:80 -e A=1 -v rnd-data:/data --label tier=front --label b=2 nginx",
    "docker create --name rnd-created alpine echo hi",
    "docker run --name rnd-exited alpine sh -c 'exit 3'",
    "docker network create --label env=test rnd-net",
    "docker run -d --name rnd-onnet --network rnd-net --network-alias api redis",
    "docker run -d --name rnd-exposed -p 127.0.0.1:8081:80/udp nginx",
    "docker run -d --name rnd-paused -P -v /tmp:/hostdir:ro alpine sleep 1000",
    "docker pause rnd-paused",
    "docker run -d --name rnd-ports -p 8090:8090 -p 8091:8091 -p 9000:80 -p 127.0.0.1:7000:7000/udp --expose 5000-5001 alpine sleep 1000",
    "docker network connect rnd-net rnd-web",
    "docker volume create --label a=b rnd-vol2",
    "docker tag nginx rnd-tag/nginx:1",
    "printf 'FROM alpine\\nLABEL rnd=1\\n' | docker build -q -t rnd-img:1 - >/dev/null",
    "printf 'FROM alpine\\nLABEL rnd=2\\n' | docker build -q -t rnd-img:1 - >/dev/null",
    "sleep 2",
]
cases = [
    "docker ps", "docker ps -a", "docker container ls -a --no-trunc", "docker ps -q", "docker ps -aq", "docker ps -l",
    "docker ps -n 2", "docker ps -a -s", "docker ps -a -q --no-trunc", "docker ps -a --format json",
    "docker ps -a --format '{{json .}}'", "docker ps --format 'table {{.Names}}\\t{{.Labels}}\\t{{.Label \"tier\"}}'",
    "docker ps -a --format 'table {{.ID}}\\t{{.Mounts}}\\t{{.Networks}}\\t{{.LocalVolumes}}\\t{{.State}}\\t{{.CreatedAt}}'",
    "docker ps -a --format 'table'", "docker ps -a --format 'table {{.Size}}'", "docker ps --format '{{.Size}}'",
    "docker ps -a --filter status=exited", "docker ps -a --filter status=created --format '{{.Names}}'",
    "docker ps -a --filter status=paused --format '{{.Names}}'", "docker ps -a --filter status=running --format '{{.Names}}'",
    "docker ps -a --filter status=exited --filter status=created --format '{{.Names}}'",
    "docker ps --filter since=rnd-exited --format '{{.Names}}'", "docker ps -a --filter before=rnd-exited --format '{{.Names}}'",
    "docker ps -a -n 0 -q", "docker ps -a -n -1 -q", "docker ps -a --filter since=rnd-nosuch", "docker ps -q --format '{{.Names}}'",
    "docker ps -a --filter name=rnd-web --format '{{.Names}}'", "docker ps -a --filter name=web --format '{{.Names}}'",
    "docker ps -a --filter name=^rnd-e --format '{{.Names}}'",
    "docker ps -a --filter label=tier --format '{{.Names}}'", "docker ps -a --filter label=tier=front --format '{{.Names}}'",
    "docker ps -a --filter label=tier=back --format '{{.Names}}'",
    "docker ps -a --filter ancestor=nginx --format '{{.Names}}'", "docker ps -a --filter ancestor=alpine:latest --format '{{.Names}}'",
    "docker ps -a --filter network=rnd-net --format '{{.Names}}'", "docker ps -a --filter volume=rnd-data --format '{{.Names}}'",
    "docker ps -a --filter volume=/hostdir --format '{{.Names}}'",
    "docker ps -a --filter exited=3 --format '{{.Names}}'", "docker ps -a --filter exited=0 --format '{{.Names}}'",
    "docker ps -a --filter publish=8080 --format '{{.Names}}'", "docker ps -a --filter publish=80 --format '{{.Names}}'",
    "docker ps -a --filter expose=80 --format '{{.Names}}'", "docker ps -a --filter expose=80/tcp --format '{{.Names}}'",
    "docker ps -a --filter status=nosuch", "docker ps -a --filter nosuch=1", "docker ps -a --filter exited=x",
    "docker ps -a --filter name=rnd-web --filter name=rnd-onnet --format '{{.Names}}'",
    "docker ps -a --filter name=rnd --filter status=running --format '{{.Names}}'",
    "docker ps -a --filter is-task=false --format '{{.Names}}'", "docker ps -a --filter health=none --format '{{.Names}}'",
    "docker ps --no-trunc --format '{{.Command}}|{{.ID}}'",
    "docker inspect rnd-web", "docker inspect rnd-created", "docker inspect rnd-exited", "docker inspect rnd-onnet",
    "docker inspect rnd-exposed", "docker inspect rnd-paused",
    "docker inspect rnd-net", "docker network inspect rnd-net", "docker network inspect host none",
    "docker volume inspect rnd-data rnd-vol2", "docker inspect rnd-vol2",
    "docker image inspect rnd-tag/nginx:1", "docker image inspect rnd-img:1",
    "docker inspect rnd-nosuch", "docker inspect rnd-web rnd-nosuch", "docker container inspect rnd-nosuch",
    "docker image inspect rnd-nosuch", "docker image inspect rnd-nosuch:2", "docker network inspect rnd-nosuch",
    "docker volume inspect rnd-nosuch", "docker inspect --type image rnd-web", "docker inspect --type container nginx",
    "docker inspect --type network rnd-nosuch", "docker inspect --type volume rnd-nosuch", "docker inspect --type volume rnd-vol2",
    "docker inspect -f '{{.Name}}' rnd-web rnd-nosuch rnd-exited", "docker container inspect -f '{{.Name}}' rnd-nosuch rnd-web",
    "docker inspect -f '{{.Name}} {{.Driver}}' rnd-net rnd-vol2", "docker inspect --format json rnd-vol2",
    "docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' rnd-web", "docker network inspect -f '{{.Name}}' rnd-net nosuch-rnd",
    "docker volume inspect -f '{{.Name}}' rnd-vol2 nosuch-rnd", "docker image inspect -f '{{.Id}}' nosuch-rnd alpine",
    "docker inspect -f '{{json .NetworkSettings.Ports}}' rnd-paused rnd-created rnd-exited rnd-onnet",
    "docker network ls", "docker network ls -q", "docker network ls --no-trunc", "docker network ls --filter driver=bridge",
    "docker network ls --filter name=rnd", "docker network ls --filter type=custom", "docker network ls --filter type=builtin",
    "docker network ls --filter label=env", "docker network ls --filter label=env=test -q", "docker network ls --format json",
    "docker network ls --format '{{json .}}'", "docker network ls --format 'table {{.Name}}\\t{{.Labels}}\\t{{.Internal}}\\t{{.IPv6}}\\t{{.CreatedAt}}'",
    "docker network ls --filter type=nosuch", "docker network ls --filter id=ce7b",
    "docker volume ls", "docker volume ls -q", "docker volume ls --filter dangling=true", "docker volume ls --filter dangling=false",
    "docker volume ls --filter name=rnd", "docker volume ls --filter driver=local", "docker volume ls --filter label=a",
    "docker volume ls --format json", "docker volume ls --format '{{json .}}'",
    "docker volume ls --format 'table {{.Name}}\\t{{.Labels}}\\t{{.Mountpoint}}\\t{{.Scope}}\\t{{.Size}}'",
    "docker images", "docker images -a", "docker images -q", "docker images --no-trunc", "docker images --digests",
    "docker images nginx", "docker images 'rnd-*'", "docker images --filter reference=nginx", "docker images --filter reference='rnd*/*'",
    "docker images --filter dangling=true", "docker images --filter dangling=false -q", "docker images --filter label=rnd",
    "docker images --filter label=rnd=2", "docker images --filter before=rnd-img:1", "docker images --filter since=alpine",
    "docker images --format json", "docker images --format '{{json .}}'",
    "docker images --format 'table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.CreatedSince}}\\t{{.CreatedAt}}\\t{{.VirtualSize}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}'",
    "docker images --filter nosuch=1", "docker images -q nginx",
]
cleanup = [
    "docker rm -f -v rnd-web rnd-created rnd-exited rnd-onnet rnd-exposed rnd-paused rnd-ports",
    "docker network rm rnd-net", "docker volume rm rnd-data rnd-vol2",
    "docker rmi rnd-tag/nginx:1 rnd-img:1",
    "docker images -q --filter dangling=true --filter label=rnd | xargs -r docker rmi",
]

def run(line):
    t = time.time()
    p = subprocess.run(["bash", "-c", line], capture_output=True, text=True)
    return {"command": line, "stdout": p.stdout, "stderr": p.stderr, "status": p.returncode, "now": t}

if __name__ == "__main__":
    out = {"setup": [run(l) for l in setup]}
    out["cases"] = [run(l) for l in cases]
    out["cleanup"] = [run(l) for l in cleanup]
    json.dump(out, open(sys.argv[1] if len(sys.argv) > 1 else "cases.json", "w"), indent=1, ensure_ascii=False)
