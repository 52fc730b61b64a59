/// `docker buildx build` (alias `b`) for the grammar: the buildx plugin's flags, read in
/// docker/buildx v0.24.0 commands/build.go (`buildCmd`, `commonBuildFlags`, the hidden flags it
/// keeps for the legacy builder's options) and commands/root.go (`rootFlags`: `--builder`,
/// `-D, --debug`). The oracle's client has no buildx, so nothing here is recorded: the help
/// text is the usage line and Short from the source, and a note saying the rest is not recorded.
enum BuildxGrammar {
    /// The flags, as (long, short, pflag type name as help would show it).
    static let buildFlags: [(String, String, String)] = [
        ("add-host", "", "strings"), ("allow", "", "stringArray"), ("annotation", "", "stringArray"),
        ("attest", "", "stringArray"), ("build-arg", "", "stringArray"), ("build-context", "", "stringArray"),
        ("cache-from", "", "stringArray"), ("cache-to", "", "stringArray"), ("call", "", "string"), ("cgroup-parent", "", "string"),
        ("check", "", "bool"), ("file", "f", "string"), ("iidfile", "", "string"), ("label", "", "stringArray"),
        ("load", "", "bool"), ("metadata-file", "", "string"), ("network", "", "string"), ("no-cache", "", "bool"),
        ("no-cache-filter", "", "stringArray"), ("output", "o", "stringArray"), ("platform", "", "stringArray"),
        ("progress", "", "string"), ("provenance", "", "string"), ("pull", "", "bool"), ("push", "", "bool"),
        ("quiet", "q", "bool"), ("sbom", "", "string"), ("secret", "", "stringArray"), ("shm-size", "", "bytes"),
        ("ssh", "", "stringArray"), ("tag", "t", "stringArray"), ("target", "", "string"), ("ulimit", "", "ulimit"),
        // hidden: accepted and ignored (or warned about) as commands/build.go does
        ("print", "", "string"), ("compress", "", "bool"), ("isolation", "", "string"), ("security-opt", "", "strings"),
        ("squash", "", "bool"), ("memory", "m", "string"), ("memory-swap", "", "string"), ("cpu-shares", "c", "int"),
        ("cpu-period", "", "int"), ("cpu-quota", "", "int"), ("cpuset-cpus", "", "string"), ("cpuset-mems", "", "string"),
        ("rm", "", "bool"), ("force-rm", "", "bool"),
        // persistent flags of the buildx root command
        ("builder", "", "string"), ("debug", "D", "bool"),
    ]

    /// What `--help` shows: the usage line and Short of commands/build.go, then the lab's note.
    static let buildHelp = "Usage:  " + BuildKitMessages.buildUsage + "\n\nStart a build\n\n"
        + "lab: it takes the options of docker/buildx v0.24.0 (commands/build.go); buildx's help text is not recorded here.\n"

    /// What `docker buildx` alone shows: the plugin's Short and the one command the lab has.
    static let groupHelp = "Usage:  docker buildx [OPTIONS] COMMAND\n\nExtended build capabilities with BuildKit\n\n"
        + "lab: of buildx's commands the lab has `build` (also what `docker build` runs); the others are not simulated.\n"

    /// The grammar entries to add: `buildx` and `buildx build`.
    static func commands() -> [String: GrammarFile.Command] {
        let arity = BuildKitMessages.error(BuildKitMessages.requiresOneArgument)
        let build = GrammarFile.Command(
            help: buildHelp, canonical: ["buildx", "build"],
            flags: buildFlags.map { GrammarFile.Flag(long: $0.0, short: $0.1, type: $0.2, deprecated: nil) },
            subcommands: [], names: ["build", "b"], arity: .init(min: 1, max: 1, below: arity, above: arity),
            interspersed: true, bare: nil, banner: nil, errorUsage: nil)
        let group = GrammarFile.Command(
            help: groupHelp, canonical: ["buildx"], flags: [("builder", "", "string"), ("debug", "D", "bool")].map {
                GrammarFile.Flag(long: $0.0, short: $0.1, type: $0.2, deprecated: nil)
            },
            subcommands: ["build"], names: ["buildx"], arity: nil, interspersed: true,
            bare: .init(stdout: groupHelp, stderr: "", status: 0), banner: nil, errorUsage: "docker buildx [OPTIONS] COMMAND")
        return ["buildx": group, "buildx build": build]
    }
}
