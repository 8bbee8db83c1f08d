# Shared by the service's end-to-end tests (sourced): curl with a check of
# the status and the body. Needs $work (a scratch directory) and fail().

# status BODY_FILE ARGS...: runs curl, prints the HTTP status
status() { local out=$1; shift; curl -s -o "$out" -w '%{http_code}' "$@"; }
# expect CODE PATTERN ARGS...: the answer has that status and a body matching PATTERN
expect() {
  local code=$1 pattern=$2; shift 2
  local got; got=$(status "$work/body" "$@")
  [ "$got" = "$code" ] || fail "$* -> $got (wanted $code): $(head -c 300 "$work/body")"
  grep -q -- "$pattern" "$work/body" || fail "$* -> body lacks '$pattern': $(head -c 300 "$work/body")"
}
