# Sourced by scripts: makes sure a Docker daemon answers, installing and starting one where we can.
# On Debian as root: installs Debian's docker.io if dockerd is missing, starts dockerd, waits for it.
# Elsewhere: a clear message of what to install or start.
ensure_docker() {
  if docker info >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "No Docker daemon answers. Install Docker (Debian: apt-get install docker.io) and start it" \
         "(systemctl start docker, or dockerd &), or set DOCKER_HOST, then retry." >&2
    return 1
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "[docker] installing Debian's docker.io" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null \
      || { echo "[docker] apt-get install docker.io failed" >&2; return 1; }
  fi
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    echo "[docker] starting dockerd (log: /var/log/fixpoint-dockerd.log)" >&2
    nohup dockerd >/var/log/fixpoint-dockerd.log 2>&1 &
  fi
  local i
  for i in $(seq 1 60); do
    if docker info >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "[docker] dockerd did not answer within 60 s; last lines of its log:" >&2
  tail -20 /var/log/fixpoint-dockerd.log >&2 || true
  return 1
}

# Makes sure Debian's docker-registry (distribution v2) is installed: the registry push test serves it on a loopback
# port of its own. On Debian as root: apt-get install docker-registry. Elsewhere: a clear message.
ensure_registry() {
  if [ -x /usr/bin/docker-registry ]; then return 0; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "/usr/bin/docker-registry is missing: install Debian's docker-registry (apt-get install docker-registry);" \
         "the registry push test (RegistryPushTest) needs it." >&2
    return 1
  fi
  echo "[docker] installing Debian's docker-registry (for the registry push test)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null \
    || { echo "[docker] apt-get install docker-registry failed" >&2; return 1; }
}
