package dev.spectral.provision.maven;

/**
 * Every user property the goals read, in one place. The short names are the ones people type
 * ({@code -Denv=production}); the rest are namespaced {@code spectral.*}.
 */
public final class PropertyNames {

    public static final String FILE = "spectral.file";
    public static final String VAULTS = "spectral.vaults";
    public static final String LOCAL_ENVIRONMENTS = "spectral.localEnvironments";
    public static final String ALLOWED_SHARED_ITEMS = "spectral.allowedSharedItems";
    public static final String SKIP = "spectral.skip";

    public static final String ENV = "env";
    public static final String DRY_RUN = "dryRun";
    public static final String KEY = "key";
    public static final String YES = "yes";
    public static final String VALUE_FROM = "spectral.valueFrom";
    public static final String ROTATE_ITEM = "spectral.rotate.item";
    public static final String ROTATE_VAULT = "spectral.rotate.vault";
    public static final String ROTATE_SINCE = "spectral.rotate.since";
    public static final String ROTATE_TWO_PHASE = "spectral.rotate.twoPhase";
    public static final String ROTATE_RETAIN = "spectral.rotate.retain";
    public static final String REPO = "spectral.repo";
    public static final String PARALLELISM = "spectral.parallelism";
    public static final String CREATE_ENVIRONMENTS = "spectral.createEnvironments";
    public static final String PRUNE = "spectral.prune";
    public static final String FORCE = "spectral.force";
    public static final String ENV_FILE = "spectral.envFile";
    public static final String OP = "spectral.op";
    public static final String GH = "spectral.gh";
    public static final String TIMEOUT = "spectral.timeout";
    public static final String GITHUB_MAX_IN_FLIGHT = "spectral.github.maxInFlight";
    public static final String GITHUB_POINTS_PER_MINUTE = "spectral.github.pointsPerMinute";
    public static final String GITHUB_THROTTLE_WAIT = "spectral.github.throttleWait";
    public static final String GITHUB_MAX_WAIT = "spectral.github.maxWait";
    public static final String VERIFY_REMOTE = "spectral.verify.remote";
    public static final String VERIFY_FAIL_ON = "spectral.verify.failOn";
    public static final String WORKFLOWS = "spectral.workflows";

    private PropertyNames() {}
}
