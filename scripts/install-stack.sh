#!/usr/bin/env bash
# Installs the real metrics stack the integration tests and the demo use, from Debian packages only,
# into .stack/ inside the repository (idempotent; nothing is installed system-wide except Debian's
# bookworm prometheus-alertmanager package, whose default template Alertmanager reads from a fixed path).
#   OTLP/protobuf -> vmagent (victoria-metrics) -> Prometheus (remote-write receiver) -> Alertmanager
# Trixie's packages run on bookworm; they are downloaded with a private sources list and unpacked with dpkg -x.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stack="$root/.stack"
bin="$stack/bin"
packages=(prometheus promtool victoria-metrics prometheus-alertmanager)

have_all() {
  [ -x "$bin/prometheus" ] && [ -x "$bin/promtool" ] && [ -x "$bin/vmagent" ] && [ -x "$bin/alertmanager" ] && [ -x "$bin/amtool" ]
}

if have_all && [ -d /usr/share/prometheus/alertmanager ]; then
  echo "stack: already installed in $stack"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
  echo "stack: apt-get/dpkg not available: cannot install vmagent, Prometheus and Alertmanager here" >&2
  exit 3
fi

mkdir -p "$stack/apt/lists/partial" "$stack/debs" "$stack/root" "$bin"
sources="$stack/apt/trixie.list"
echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' > "$sources"
apt_opts=(-o "Dir::Etc::SourceList=$sources" -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::State::Lists=$stack/apt/lists" -o "Dir::Cache::archives=$stack/debs")

echo "stack: fetching trixie package lists"
apt-get "${apt_opts[@]}" update -qq
echo "stack: downloading ${packages[*]}"
(cd "$stack/debs" && apt-get "${apt_opts[@]}" download "${packages[@]}" -qq)
for deb in "$stack"/debs/*.deb; do dpkg -x "$deb" "$stack/root"; done

ln -sf "$stack/root/usr/bin/prometheus" "$bin/prometheus"
ln -sf "$stack/root/usr/bin/promtool" "$bin/promtool"
ln -sf "$stack/root/usr/bin/prometheus-alertmanager" "$bin/alertmanager"
ln -sf "$stack/root/usr/bin/amtool" "$bin/amtool"
ln -sf "$stack/root/usr/bin/vmagent" "$bin/vmagent"
[ -x "$stack/root/usr/bin/victoria-metrics" ] && ln -sf "$stack/root/usr/bin/victoria-metrics" "$bin/victoria-metrics"

if [ ! -d /usr/share/prometheus/alertmanager ]; then
  echo "stack: installing bookworm prometheus-alertmanager for its default template (no service is started)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus-alertmanager >/dev/null
    # the Debian package may start a service where an init system runs; the tests start their own
    (command -v systemctl >/dev/null && systemctl stop prometheus-alertmanager 2>/dev/null) || true
  else
    echo "stack: not root: Alertmanager's default template is missing (/usr/share/prometheus/alertmanager)" >&2
  fi
fi

have_all || { echo "stack: install incomplete; contents of $stack/root/usr/bin:" >&2; ls "$stack/root/usr/bin" >&2; exit 1; }
"$bin/prometheus" --version 2>&1 | head -1
"$bin/vmagent" --version 2>&1 | head -1
"$bin/alertmanager" --version 2>&1 | head -1
echo "stack: installed in $stack"
