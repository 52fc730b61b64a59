#!/usr/bin/env bash
# Records what programs inside containers print, for Tests/LabCoreTests/ContainerPrograms*.swift.
# busybox-applets.txt and network.txt: the real engine (../shared/tools/real-docker-oracle.sh, whose
# images are busybox stand-ins: alpine's sh is busybox ash). shells.txt and curl-wget.txt: dash,
# bash, curl and GNU wget of the development machine (what Debian-based images run).
# Usage: record-containers.sh [OUTDIR]   (containers, network and volume are named prg-…, removed after)
set -u
docker pull -q alpine >/dev/null
out=${1:-$(dirname "$0")}
r() { echo "\$ $*"; eval "$@" 2>&1; echo "[exit $?]"; }
{
r "docker run --rm --name prg-1 alpine cat /nope"
r "docker run --rm --name prg-1 alpine cat /tmp"
r "docker run --rm --name prg-1 alpine ls /nope"
r "docker run --rm --name prg-1 alpine ls -l /nope /tmp"
r "docker run --rm --name prg-1 alpine rm /nope"
r "docker run --rm --name prg-1 alpine rm /tmp"
r "docker run --rm --name prg-1 alpine rmdir /nope"
r "docker run --rm --name prg-1 alpine mkdir /nope/x"
r "docker run --rm --name prg-1 alpine mkdir /tmp"
r "docker run --rm --name prg-1 alpine cp /nope /tmp/x"
r "docker run --rm --name prg-1 alpine mv /nope /tmp/x"
r "docker run --rm --name prg-1 alpine touch /nope/x"
r "docker run --rm --name prg-1 alpine head /nope"
r "docker run --rm --name prg-1 alpine wc /nope"
r "docker run --rm --name prg-1 alpine grep x /nope"
r "docker run --rm --name prg-1 alpine sh -c 'tail /nope; head /nope; cat /nope /etc/hostname >/dev/null; echo \$?'"
r "docker run --rm --name prg-1 alpine sh -c 'ping x'"
r "docker run --rm --name prg-1 alpine sh -c 'foo 2>&1; echo \$?'"
r "docker run --rm --name prg-1 alpine sh -c 'cat < /nope'"
r "docker run --rm --name prg-1 alpine sh -c 'echo x > /nope/y'"
r "docker run --rm --name prg-1 alpine sh -c 'cd /nope'"
r "docker run --rm --name prg-1 alpine curl http://x"
r "docker run --rm --name prg-1 alpine rm"
r "docker run --rm --name prg-1 alpine mkdir"
r "docker run --rm --name prg-1 -v prgvol:/data:ro alpine sh -c 'echo x > /data/y'"
r "docker run --rm --name prg-1 -v prgvol:/data:ro alpine sh -c 'touch /data/x; mkdir /data/d; rm /data/nope; echo x >> /data/y; echo \$?' 2>&1"
r "docker volume rm prgvol >/dev/null"
} > "$out/busybox-applets.txt"
{
r "docker network create prg-net >/dev/null"
r "docker run -d --name prg-srv --network prg-net alpine sh -c 'mkdir /www && printf \"<html><body><h1>It works!</h1></body></html>\\n\" > /www/index.html && httpd -f -p 80 -h /www' >/dev/null"
sleep 1
r "docker run --rm --name prg-c --network prg-net alpine wget -q -O- http://prg-srv/"
r "docker run --rm --name prg-c --network prg-net alpine wget -qO- prg-srv"
r "docker run --rm --name prg-c --network prg-net alpine wget -O- http://prg-srv/ 2>&1"
r "docker run --rm --name prg-c --network prg-net alpine sh -c 'cd /tmp && wget http://prg-srv/ 2>&1 && cat index.html'"
r "docker run --rm --name prg-c --network prg-net alpine wget -q -O- http://prg-srv/nope"
r "docker run --rm --name prg-c --network prg-net alpine wget -O- http://prg-srv/nope"
r "docker run --rm --name prg-c --network prg-net alpine wget -q -O- http://prg-srv:8080/"
r "docker run --rm --name prg-c --network prg-net alpine wget -q -O- http://nothere/"
r "docker run --rm --name prg-c alpine wget http://127.0.0.1/"
r "docker run --rm --name prg-c --network prg-net alpine wget"
r "docker run --rm --name prg-c --network prg-net alpine hostname -i"
r "docker run --rm --name prg-c alpine ps"
r "docker exec prg-srv ps"
r "docker run --rm --name prg-c -e A=1 alpine env"
r "docker exec prg-srv env"
r "docker rm -f prg-srv >/dev/null"
r "docker network rm prg-net >/dev/null"
} > "$out/network.txt"
{
for c in 'ping x' 'cat < /nope' 'echo x > /nope/y' 'cd /nope' 'echo x > /tmp'; do
  echo "\$ sh -c '$c'"; (cd / && dash -c "$c" 2>&1; echo "[exit $?]") | sed 's/^dash:/sh:/'
  echo "\$ bash -c '$c'"; (cd / && bash -c "$c" 2>&1; echo "[exit $?]")
done
} > "$out/shells.txt"
{
echo "\$ curl --version | head -1"; curl --version | head -1
echo "\$ curl http://nothere/ 2>&1 | od -c"; curl http://nothere/ 2>&1 | od -c; echo "[exit ${PIPESTATUS[0]}]"
echo "\$ curl -s http://nothere/"; curl -s http://nothere/ 2>&1; echo "[exit $?]"
echo "\$ curl -sS http://nothere/"; curl -sS http://nothere/ 2>&1; echo "[exit $?]"
echo "\$ curl http://127.0.0.1:1/ 2>&1 | od -c"; curl http://127.0.0.1:1/ 2>&1 | od -c; echo "[exit ${PIPESTATUS[0]}]"
echo "\$ curl"; curl 2>&1; echo "[exit $?]"
echo "\$ wget --version | head -1"; wget --version | head -1
echo "\$ wget -q -O- http://nothere/"; wget -q -O- http://nothere/ 2>&1; echo "[exit $?]"
echo "\$ wget -O- http://nothere/"; LC_ALL=C wget -O- http://nothere/ 2>&1 | sed 1d; echo "[exit ${PIPESTATUS[0]}]"
} > "$out/curl-wget.txt"
