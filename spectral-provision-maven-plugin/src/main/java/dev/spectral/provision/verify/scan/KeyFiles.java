package dev.spectral.provision.verify.scan;

import java.util.List;

/**
 * Private keys and identities, in the forms they take when pasted into a config file: PEM blocks, PEM or DER
 * in base64 without its armour (a Kubernetes {@code client-key-data}, a key kept in one line), PuTTY key files,
 * age identities and WireGuard configurations. The value alone decides. Public keys and certificates in the same
 * forms are left alone ({@link PublicValues}).
 */
public final class KeyFiles {

    private static final String B64 = "[A-Za-z0-9+/]";

    public static final List<PatternRule> ALL = List.of(
            // gitleaks private-key; secretlint privatekey; trufflehog privatekey; RFC 7468 labels (RSA, EC, DSA,
            // OPENSSH, ENCRYPTED, PGP ... PRIVATE KEY [BLOCK])
            PatternRule.of(
                    "private-key",
                    "PEM private key",
                    "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----",
                    "PRIVATE KEY"),
            // A DER private key in base64 without PEM armour, told by the first bytes of its ASN.1 structure:
            // PKCS#8 RSA, EC, Ed25519/X25519/Ed448 (RFC 5958, 8410), PKCS#8 encrypted (RFC 8018 PBES2),
            // PKCS#1 RSA (RFC 8017), SEC1 EC (RFC 5915), PKCS#12 (RFC 7292), and OpenSSH's "openssh-key-v1"
            // (secretlint privatekey checks the same magic bytes)
            PatternRule.of(
                    "der-private-key",
                    "private key in base64 DER (PKCS#1, PKCS#8, SEC1, PKCS#12 or OpenSSH)",
                    "(?<![A-Za-z0-9+/])(?:"
                            + "MII" + B64 + "{3}IBADANBgkqhkiG9w0BAQEFAASC"
                            + "|MII" + B64 + "{3}IBAAKC"
                            + "|MIG" + B64 + "AgEAMB" + B64 + "GByqGSM49AgEG"
                            + "|M[CE]" + B64 + "{2}AQAwBQYDK2V[uvwx]"
                            + "|MH[QUc]CAQEEI|MIGkAgEBBDA|MIHcAgEBBEI"
                            + "|MII" + B64 + "{5}BgkqhkiG9w0BBQ0w"
                            + "|MII" + B64 + "{3}IBAzCC"
                            + "|b3BlbnNzaC1rZXktdjE"
                            + ")" + B64 + "{20,}",
                    "MI",
                    "MC",
                    "ME",
                    "MH",
                    "b3BlbnNzaC1rZXktdjE"),
            // PuTTY manual, appendix C "PPK file format" (versions 2 and 3); encrypted or not, it is a private key
            PatternRule.of("putty-key", "PuTTY private key file", "PuTTY-User-Key-File-[23]:", "PuTTY-User-Key-File-"),
            // gitleaks age-secret-key; age specification (C2SP age.md): Bech32, upper case, HRP AGE-SECRET-KEY-
            PatternRule.of(
                    "age-key",
                    "age identity (secret key)",
                    "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
                    "AGE-SECRET-KEY-1"),
            // wg(8) "CONFIGURATION FILE FORMAT": PrivateKey and PresharedKey are base64 of 32 bytes
            PatternRule.of(
                    "wireguard-key",
                    "WireGuard private or preshared key",
                    "(?i)\\b(?:PrivateKey|PresharedKey)\\s*=\\s*(?-i:[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)",
                    "Key",
                    "key",
                    "KEY"));

    private KeyFiles() {}
}
