#!/usr/bin/env bash
# Set up everything `make lab` and `make test` need: Graphviz's `dot`, a Python >= 3.10 with venv, and
# .venv with this project installed in editable mode.
#
#   scripts/setup.sh [EXTRA ...]    set up (extras of pyproject.toml to install, e.g. test parity)
#   scripts/setup.sh --check [EXTRA ...]
#                                   exit 0 when .venv is ready for them, 1 otherwise; changes nothing
#
# Environment: PYTHON (the interpreter that creates .venv, default python3).
# A second run is fast: .venv/.setup-stamp, written last, records the hash of pyproject.toml and the
# extras installed. Without a matching stamp the venv is not trusted and the install runs again, so an
# interrupted set-up is repaired by the next run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.venv"
stamp="$venv/.setup-stamp"
python=${PYTHON:-python3}
apt_updated=no
wanted=""  # the extras asked for, space-separated

say() { printf '%s\n' "$*" >&2; }
# Print a message, one argument per line, and stop.
fail() { { echo; printf '%s\n' "$@"; echo; } >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }
can_apt() { is_root && command -v apt-get >/dev/null 2>&1; }

apt_install() {
    if [ "$apt_updated" = no ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Written to be understood by any Python, so that an old one gets this message, not a syntax error.
version_of() { "$1" -c 'import sys; print(".".join(str(n) for n in sys.version_info[:3]))'; }

check_python() {
    command -v "$python" >/dev/null 2>&1 || fail \
        "Python was not found: '$python'. minitorch notebooks need Python 3.10 or newer." \
        "Install it, or name one that exists: make lab PYTHON=/path/to/python3"
    local version
    version=$(version_of "$python") || fail "'$python' does not run as a Python interpreter."
    "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || fail \
        "minitorch notebooks need Python 3.10 or newer; '$python' is Python $version." \
        "Install a newer Python and name it: make lab PYTHON=python3.12 (or make test PYTHON=...)."
}

check_dot() {
    command -v dot >/dev/null 2>&1 && return
    # The nodot extra (pygraphviz, whose wheels carry Graphviz) draws the diagrams without the program.
    case " $wanted " in *" nodot "*) say "No 'dot' program: the diagrams will be drawn with pygraphviz."; return ;; esac
    if can_apt; then
        say "Installing Graphviz (the 'dot' program that draws the graphs) with apt-get..."
        apt_install graphviz
        command -v dot >/dev/null 2>&1 && return
    fi
    fail "minitorch notebooks need Graphviz's 'dot' program to draw graphs, and it is not installed." \
        "Install it, then run the same command again:" \
        "  Debian/Ubuntu:  sudo apt-get install graphviz" \
        "  macOS:          brew install graphviz" \
        "  conda:          conda install -c conda-forge graphviz" \
        "Without admin rights: make lab EXTRAS=test,nodot (draws them with pygraphviz, installed by pip)."
}

has_venv_module() { "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; }

check_venv_module() {
    has_venv_module && return
    local minor
    minor=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    if can_apt; then
        say "Installing python3-venv with apt-get..."
        apt_install python3-venv || true
        has_venv_module || apt_install "python$minor-venv" || true
        has_venv_module && return
    fi
    fail "'$python' cannot create virtual environments (its venv/ensurepip modules are missing)." \
        "Install them, then run the same command again:" \
        "  Debian/Ubuntu:  sudo apt-get install python3-venv   (or python$minor-venv)" \
        "  or use another Python: make lab PYTHON=/path/to/python3"
}

pyproject_hash() {
    "$python" -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' \
        "$root/pyproject.toml"
}

# The extras the stamp records, one per line, if the stamp belongs to the current pyproject.toml.
stamped_extras() {
    [ -f "$stamp" ] || return 1
    [ "$(sed -n 's/^pyproject-sha256 //p' "$stamp")" = "$(pyproject_hash)" ] || return 1
    sed -n 's/^extras //p' "$stamp" | tr ' ' '\n' | sed '/^$/d'
}

venv_works() { "$venv/bin/python" -m pip --version >/dev/null 2>&1; }

same_python_as_venv() {
    local probe='import sys; print(sys.version_info[:2])'
    [ "$("$venv/bin/python" -c "$probe")" = "$("$python" -c "$probe")" ]
}

# Ready: .venv runs on the requested Python and its stamp matches pyproject.toml and covers $wanted.
venv_ready() {
    venv_works && same_python_as_venv || return 1
    local have extra
    have=$(stamped_extras) || return 1
    for extra in $wanted; do
        grep -qxF "$extra" <<<"$have" || return 1
    done
}

build_venv() {
    if [ -e "$venv" ] && ! { venv_works && same_python_as_venv; }; then
        say "Removing $venv: it is incomplete or was made with another Python."
        rm -rf "$venv"
    fi
    if [ ! -e "$venv" ]; then
        say "Creating $venv with Python $(version_of "$python")..."
        "$python" -m venv "$venv"
    fi
    # pip never uninstalls extras installed before: keep them in the record, unless pyproject.toml changed.
    local extras
    extras=$({ stamped_extras || true; printf '%s\n' $wanted; } | sed '/^$/d' | sort -u | paste -sd, -)
    rm -f "$stamp"
    say "Installing minitorch-notebooks into $venv (extras: ${extras:-none}); the first time takes a minute..."
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$root${extras:+[$extras]}"
    printf 'pyproject-sha256 %s\nextras %s\n' "$(pyproject_hash)" "${extras//,/ }" >"$stamp.tmp"
    mv "$stamp.tmp" "$stamp"
    say "Set-up done: $venv is ready."
}

# JupyterLab settings of the project (widget state saved with the notebook, no news pop-up), installed where
# JupyterLab reads its defaults: <venv>/share/jupyter/lab/settings/overrides.json. Cheap, so done every run.
install_lab_settings() {
    mkdir -p "$venv/share/jupyter/lab/settings"
    cp "$root/scripts/jupyterlab-overrides.json" "$venv/share/jupyter/lab/settings/overrides.json"
}

main() {
    local check=no
    if [ "${1:-}" = --check ]; then check=yes; shift; fi
    # The extras to install, from "test,parity" or "test parity".
    wanted=$(tr ',' ' ' <<<"$*")
    if [ "$check" = yes ]; then
        venv_ready
        return
    fi
    check_python
    check_dot
    if ! venv_ready; then
        check_venv_module
        build_venv
    fi
    install_lab_settings
}

main "$@"
