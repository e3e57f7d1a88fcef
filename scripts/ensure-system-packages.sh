#!/usr/bin/env bash
# Make sure the system packages the given purpose needs are installed.
#   setup: node and npm (front-end libraries served by the site itself)
#   test:  the above plus Chromium (browser tests), nginx (a real server on loopback)
#          and CJK fonts (so screenshots and the printed handout show Chinese)
# As root the missing packages are installed with apt-get; otherwise one line says
# which command to run, and the exit code is 1.
set -euo pipefail
purpose="${1:-setup}"
declare -A need=([/usr/bin/node]=nodejs [/usr/bin/npm]=npm)
if [ "$purpose" = test ]; then
  need[/usr/bin/chromium]=chromium
  need[/usr/sbin/nginx]=nginx
  need[/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]=fonts-noto-cjk
fi
missing=()
for path in "${!need[@]}"; do
  [ -e "$path" ] || missing+=("${need[$path]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "安装系统软件包：${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "缺少系统软件包 ${missing[*]}：请先运行 sudo apt-get install -y ${missing[*]}，再重新运行 make ${purpose}" >&2
exit 1
