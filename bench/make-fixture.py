#!/usr/bin/env python3
"""Writes a benchmark project: pom.xml, environments.toml with N keys spread over 3 environments,
the fake op's vault (one item per secret key) and the GitHub emulator's seed: the repository with the
3 environments."""
import json
import os
import sys

work, n, version, fakes = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
envs = ["production", "staging", "qa"]
per_env = -(-n // len(envs))   # N keys in all: 300 is 100 keys x 3 environments
secrets = per_env // 2
os.makedirs(os.path.join(work, "fake-op"))
os.makedirs(os.path.join(work, "github"))

with open(os.path.join(work, "pom.xml"), "w") as f:
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
      <op>{fakes}/op</op>
      <gh>{fakes}/gh-logging</gh>
      <repo>acme/app</repo>
    </configuration>
  </plugin></plugins></build>
</project>
""")

items = []
with open(os.path.join(work, "environments.toml"), "w") as f:
    for env in envs:
        f.write(f"[{env}]\n")
        for i in range(per_env):
            if i < secrets:
                f.write(f'SECRET_{i} = "op://Spectral/{env}-item-{i}/credential"\n')
            else:
                f.write(f'VAR_{i} = "{env}-value-{i}"\n')
        f.write("\n")
        for i in range(secrets):
            items.append({"id": f"{env}{i}", "title": f"{env}-item-{i}", "category": "API_CREDENTIAL", "version": 1,
                          "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
                          "fields": [{"id": "credential", "type": "CONCEALED", "purpose": "", "label": "credential",
                                      "value": f"bench-secret-{env}-{i}-{os.urandom(8).hex()}"}]})

with open(os.path.join(work, "fake-op", "vault.json"), "w") as f:
    json.dump({"vaults": [{"id": "vlt1", "name": "Spectral", "items": items}]}, f)
with open(os.path.join(work, "github", "state.json"), "w") as f:
    json.dump({"repos": {"acme/app": {"environments": {e: {} for e in envs}}}}, f)
