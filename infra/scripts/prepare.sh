#!/usr/bin/env bash
# Installs and starts what is missing, then creates and migrates the database.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare
