package dev.spectral.provision.config;

/** How bad a finding is: errors fail the build, warnings are printed. */
public enum Severity {
    ERROR,
    WARNING
}
