#!/usr/bin/env bash
# Rewrites the rendering golden files (tests/Newsletter.Tests/Rendering/Golden) from the current templates and code,
# then shows what changed. The only way they change: a normal test run compares and never writes.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/Newsletter.Tests -c Release --filter "FullyQualifiedName~IssueRendererGoldenTests" "$@" \
  -- 'TestRunParameters.Parameter(name="update-golden", value="yes")'
git --no-pager diff --stat -- tests/Newsletter.Tests/Rendering/Golden
echo "Review the diff (git diff tests/Newsletter.Tests/Rendering/Golden) before committing it."
