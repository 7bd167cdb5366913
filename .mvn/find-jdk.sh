# Finds a JDK 21 or newer, for the launcher and the benchmark scripts (sourced, not run):
# JAVA_HOME if it is one, else the java on PATH, else the newest under /usr/lib/jvm (or macOS's
# JavaVirtualMachines). `find_java_home` prints its home, or nothing.

java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

usable_java_home() { # $1: a JDK home; true when it has java and javac of version 21+
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
  local major; major="$(java_major "$1/bin/java")"
  [[ -n "$major" && "$major" -ge 21 ]]
}

find_java_home() {
  if [[ -n "${JAVA_HOME:-}" ]] && usable_java_home "$JAVA_HOME"; then echo "$JAVA_HOME"; return; fi
  if command -v java >/dev/null 2>&1; then
    local home; home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if usable_java_home "$home"; then echo "$home"; return; fi
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d "$candidate" ]] || continue
    usable_java_home "$candidate" || continue
    major="$(java_major "$candidate/bin/java")"
    if (( major > best_major )); then best="$candidate"; best_major=$major; fi
  done
  [[ -n "$best" ]] && echo "$best"
}
