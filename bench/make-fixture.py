#!/usr/bin/env python3
"""Writes the benchmark's fixture for KEYS_PER_ENV keys in each of the environments
production, staging and preview: half secrets (each its own 1Password item), half literals
(GitHub variables).

    make-fixture.py OUT_DIR KEYS_PER_ENV PLUGIN_VERSION REPO

OUT_DIR/project/pom.xml            a project that runs the plugin (op, gh come from -Dspectral.op/gh)
OUT_DIR/project/environments.toml  the keys
OUT_DIR/op-vault.json              the fake op's vault (one item per secret)
OUT_DIR/github-seed.json           the emulator's state.json: the repository with the 3 empty environments
OUT_DIR/keys.tsv                   env, kind, NAME, op:// reference or literal (for the naive script; no secret values)
OUT_DIR/expected.json              every value GitHub should end up with (mode 0600; synthetic, never printed)

GitHub allows at most 100 secrets and 100 variables per environment, so KEYS_PER_ENV is at most 200.
"""
import json
import os
import sys

ENVS = ["production", "staging", "preview"]


def private_file(path):
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w")


def main():
    out, per_env, version, repo = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    secrets = per_env // 2
    variables = per_env - secrets
    if per_env < 2 or secrets > 100 or variables > 100:
        sys.exit(f"make-fixture: KEYS_PER_ENV must be 2..200 (GitHub allows 100 secrets and 100 variables "
                 f"per environment); got {per_env}")
    project = os.path.join(out, "project")
    os.makedirs(project, exist_ok=True)

    with open(os.path.join(project, "pom.xml"), "w") as f:
        f.write(f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.spectral.bench</groupId>
  <artifactId>bench</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.spectral</groupId>
    <artifactId>spectral-provision-maven-plugin</artifactId>
    <version>{version}</version>
    <configuration>
      <file>${{project.basedir}}/environments.toml</file>
    </configuration>
  </plugin></plugins></build>
</project>
""")

    items, expected, rows = [], {}, []
    with open(os.path.join(project, "environments.toml"), "w") as f:
        for env in ENVS:
            f.write(f"[{env}]\n")
            expected[env] = {"secrets": {}, "variables": {}}
            for i in range(per_env):
                if i < secrets:
                    name, title = f"SECRET_{i:03d}", f"{env}-item-{i:03d}"
                    ref = f"op://Spectral/{title}/credential"
                    value = f"bench-secret-{env}-{i}-{os.urandom(12).hex()}"
                    f.write(f'{name} = "{ref}"\n')
                    items.append({"id": f"{env}{i:03d}", "title": title, "category": "API_CREDENTIAL", "version": 1,
                                  "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
                                  "fields": [{"id": "credential", "type": "CONCEALED", "purpose": "",
                                              "label": "credential", "value": value}]})
                    expected[env]["secrets"][name] = value
                    rows.append((env, "secret", name, ref))
                else:
                    name, value = f"VAR_{i:03d}", f"{env}-value-{i}"
                    f.write(f'{name} = "{value}"\n')
                    expected[env]["variables"][name] = value
                    rows.append((env, "variable", name, value))
            f.write("\n")

    with private_file(os.path.join(out, "op-vault.json")) as f:
        json.dump({"vaults": [{"id": "vlt1", "name": "Spectral", "items": items}]}, f)
    with open(os.path.join(out, "github-seed.json"), "w") as f:
        json.dump({"repos": {repo: {"environments": {e: {"secrets": {}, "variables": {}} for e in ENVS}}}}, f)
    with private_file(os.path.join(out, "expected.json")) as f:
        json.dump(expected, f)
    with open(os.path.join(out, "keys.tsv"), "w") as f:
        for row in rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
