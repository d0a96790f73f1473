package dev.spectral.provision.onepassword;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A version of the op CLI, as {@code op --version} prints it. */
record OpVersion(int major, int minor, int patch) implements Comparable<OpVersion> {

    /**
     * The oldest op the plugin drives: 2.23.0 is the first that takes a whole item as JSON on stdin for
     * {@code op item edit}, which rotation needs so that no value is ever put on argv.
     */
    static final OpVersion MINIMUM = new OpVersion(2, 23, 0);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    static OpVersion parse(String text) throws OnePasswordException {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.lookingAt()) {
            throw new OnePasswordException("cannot read the version of op from 'op --version' (it printed '"
                    + text.strip() + "'); install the 1Password CLI " + MINIMUM + " or newer");
        }
        return new OpVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Override
    public int compareTo(OpVersion other) {
        int c = Integer.compare(major, other.major);
        c = c != 0 ? c : Integer.compare(minor, other.minor);
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
