#!/bin/sh
# The container's start: bring the database up to this version's schema as the owner role
# (when IPDESK_OWNER_URL is given; idempotent), then serve as the application role
# (IPDESK_DATABASE_URL) with the certificate in /etc/ipdesk/tls. Arguments go to
# ipdesk-server; a first argument "ipdesk-admin" runs that instead (operator commands).
set -eu
if [ "${1:-}" = "ipdesk-admin" ]; then
    shift
    exec ipdesk-admin "$@"
fi
if [ -n "${IPDESK_OWNER_URL:-}" ]; then
    ipdesk-admin --database-url "$IPDESK_OWNER_URL" init
fi
# The owner's password is not needed any more: the server never sees it.
unset IPDESK_OWNER_URL
: "${IPDESK_DATABASE_URL:?give IPDESK_DATABASE_URL (the application role)}"
TLS_DIR="${IPDESK_TLS_DIR:-/etc/ipdesk/tls}"
exec ipdesk-server --host 0.0.0.0 --port "${IPDESK_PORT:-8443}" \
    --certfile "$TLS_DIR/server.pem" --keyfile "$TLS_DIR/server.key" \
    --data-dir "${IPDESK_DATA_DIR:-/var/lib/ipdesk}" "$@"
