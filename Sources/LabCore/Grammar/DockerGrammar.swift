import Foundation

/// How a flag's value is checked when it is set (decided once, from the help's type name).
enum FlagKind: Sendable {
    case bool, text, int, int32, uint, uint16, uint32, float, duration, bytes, swapBytes, decimal, filter, ulimit, mount, port
}

/// One flag of a docker command as the real client's help lists it (plus the few hidden flags
/// the recorder confirmed with the client).
public final class DockerFlagSpec: Sendable {
    /// Long name without dashes, e.g. "publish".
    public let long: String
    /// One-letter shorthand, or "" when none.
    public let short: String
    /// Value type name as help prints it ("bool" when the flag takes no value).
    public let type: String
    /// Whether the flag takes no value (`--flag` alone means true).
    public let isBool: Bool
    let kind: FlagKind
    /// "-s, --long" or "--long", as pflag names the flag in its errors.
    let errorName: String

    /// What the client prints on stdout when a deprecated hidden flag is used, or "".
    public let deprecationNotice: String

    /// Whether setting the flag runs a value check (numbers, sizes, specs, checked lists).
    let checksValue: Bool
    /// Whether `run`/`create` check this option after parsing (ContainerRunChecks).
    let runChecked: Bool
    static let runCheckedNames: Set<String> = [
        "mac-address", "memory-swappiness", "volume", "publish", "expose", "pid", "uts", "userns", "cgroupns", "restart",
        "log-driver", "log-opt", "security-opt", "storage-opt", "health-interval", "health-timeout", "health-retries",
        "health-start-period", "health-start-interval", "rm", "network-alias", "net-alias", "no-healthcheck",
    ]

    init(long: String, short: String, type: String, deprecated: String = "", group: String = "") {
        deprecationNotice = deprecated
        self.long = long
        self.short = short
        self.type = type
        isBool = type == "bool"
        errorName = short.isEmpty ? "--" + long : "-" + short + ", --" + long
        switch type {
        case "bool": kind = .bool
        case "int": kind = .int
        case "int32": kind = .int32
        case "uint", "uint64": kind = .uint
        case "uint16": kind = .uint16
        case "uint32": kind = .uint32
        case "float": kind = .float
        case "duration": kind = .duration
        case "bytes": kind = long == "memory-swap" ? .swapBytes : .bytes
        case "decimal": kind = .decimal
        case "filter": kind = .filter
        case "ulimit": kind = .ulimit
        case "mount": kind = .mount
        case "port": kind = .port
        default: kind = .text
        }
        // the same long name means different things in different groups: `docker service create
        // --sysctl` takes any value, `docker -H` is the daemon host, not `service create --host`
        runChecked = group == "container" && DockerFlagSpec.runCheckedNames.contains(long)
        switch long {
        case "sysctl": checksValue = group == "container"
        case "host", "host-add": checksValue = group == "service"
        case "tag": checksValue = group == "image"   // `docker build -t` checks the reference when set
        default: checksValue = kind != .text || FlagValueValidator.checksText(long)
        }
    }
}

/// Which run-step check a command makes before contacting the daemon.
enum RunCheckKind: Sendable {
    case none, run, create, pullOrPush, tag, serviceScale, networkCreate, networkConnect, commit, stopOrRestart, events, swarmInitOrJoin
    case update, start, imageList, inspect, serviceCreate, stackCompose, imagePlatform
}

/// One command object of the docker client's tree (a top-level shortcut such as `docker ps`
/// and the management command `docker container ls` are distinct objects with their own help).
public final class DockerCommandSpec: Sendable {
    /// Recorded key: the command's own path words joined by spaces ("" for the root).
    public let key: String
    /// "docker " + key, as the client names the command in its messages.
    public let commandPath: String
    /// Canonical path (first entry of the help's Aliases line), e.g. ["container", "ls"].
    public let canonical: [String]
    /// `canonical` joined by blanks (`container ls`).
    public let canonicalKey: String
    /// The `--help` text, verbatim.
    public let help: String
    /// The usage line printed in usage errors.
    public let usageLine: String
    /// Flags; `byLong`/`byShort` index into it. Includes the implicit help flag.
    public let flags: [DockerFlagSpec]
    let byLong: [String: DockerFlagSpec]
    /// By shorthand's ASCII code (128 entries).
    let byShort: [DockerFlagSpec?]
    /// Child command indices by every name and alias.
    let children: [String: Int]
    /// Whether the command has subcommands (a management group or the root).
    public let isGroup: Bool
    /// Whether flags are parsed after the first positional.
    public let interspersed: Bool
    let minArgs: Int
    let maxArgs: Int   // -1: unbounded
    let belowMessage: String
    let aboveMessage: String
    /// What a bare group prints (stdout, stderr, status).
    let bare: DockerCLIError?
    /// Text the client prints on stderr before anything else for this command (the
    /// legacy-builder deprecation banner of `docker build`), or "".
    public let banner: String
    let runCheck: RunCheckKind

    init(key: String, raw: GrammarFile.Command, children: [String: Int]) {
        self.key = key
        commandPath = key.isEmpty ? "docker" : "docker " + key
        canonical = raw.canonical
        canonicalKey = raw.canonical.joined(separator: " ")
        help = raw.help
        let group = raw.canonical.first ?? ""
        var flags = raw.flags.map {
            DockerFlagSpec(long: $0.long, short: $0.short, type: $0.type, deprecated: $0.deprecated ?? "", group: group)
        }
        let shortTaken = flags.contains { $0.short == "h" }
        flags.append(DockerFlagSpec(long: "help", short: shortTaken ? "" : "h", type: "bool"))
        self.flags = flags
        var byLong: [String: DockerFlagSpec] = [:]
        var byShort = [DockerFlagSpec?](repeating: nil, count: 128)
        for f in flags {
            byLong[f.long] = f
            if let c = f.short.utf8.first, c < 128 { byShort[Int(c)] = f }
        }
        self.byLong = byLong
        self.byShort = byShort
        self.children = children
        isGroup = !raw.subcommands.isEmpty
        if isGroup {
            usageLine = key.isEmpty ? DockerMessages.rootUsageLine : (raw.errorUsage ?? "docker " + key)
        } else if let r = raw.help.range(of: "Usage:  ") {
            // the usage may continue on tab-indented lines (docker cp): up to the blank line
            let rest = raw.help[r.upperBound...]
            usageLine = String(rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)])
        } else {
            usageLine = ""
        }
        interspersed = raw.interspersed ?? true
        minArgs = raw.arity?.min ?? 0
        maxArgs = raw.arity?.max ?? -1
        belowMessage = raw.arity?.below ?? ""
        aboveMessage = raw.arity?.above ?? ""
        bare = raw.bare.map { DockerCLIError(stdout: $0.stdout, stderr: $0.stderr, status: $0.status) }
        banner = raw.banner ?? ""
        switch raw.canonical.joined(separator: " ") {
        case "container run": runCheck = .run
        case "container create": runCheck = .create
        case "image pull", "image push": runCheck = .pullOrPush
        case "image tag": runCheck = .tag
        case "service scale": runCheck = .serviceScale
        case "network create": runCheck = .networkCreate
        case "container commit": runCheck = .commit
        case "system events": runCheck = .events
        case "container update": runCheck = .update
        case "container start": runCheck = .start
        case "image ls": runCheck = .imageList
        case "inspect": runCheck = .inspect
        case "image history", "image load", "image save", "image inspect", "image rm": runCheck = .imagePlatform
        case "service create": runCheck = .serviceCreate
        case "stack deploy", "stack config": runCheck = .stackCompose
        case "swarm init", "swarm join": runCheck = .swarmInitOrJoin
        case "network connect": runCheck = .networkConnect
        case "container stop", "container restart": runCheck = .stopOrRestart
        default: runCheck = .none
        }
    }
}

/// The docker client's whole command tree, loaded once from the JSON the recorder wrote
/// (`scripts/record-docker-grammar.py`, docker 28.2.2).
public final class DockerGrammar: Sendable {
    public let commands: [DockerCommandSpec]
    /// `docker --version` as the client printed it, without the newline.
    public let clientVersion: String
    public let root: DockerCommandSpec
    let keyIndex: [String: Int]

    /// The recorded grammar, decoded on first use.
    public static let shared = DockerGrammar(file: recordedFile)

    /// The recorded grammar with the buildx plugin's `docker buildx build` (BuildxGrammar): the
    /// client of a machine where buildx is installed, as docker-ce's is.
    public static let withBuildx: DockerGrammar = {
        let file = recordedFile
        var commands = file.commands
        for (key, command) in BuildxGrammar.commands() { commands[key] = command }
        if let root = commands[""] {
            commands[""] = GrammarFile.Command(help: root.help, canonical: root.canonical, flags: root.flags,
                                               subcommands: root.subcommands + ["buildx"], names: root.names, arity: root.arity,
                                               interspersed: root.interspersed, bare: root.bare, banner: root.banner,
                                               errorUsage: root.errorUsage)
        }
        return DockerGrammar(file: GrammarFile(source: file.source, commands: commands))
    }()

    /// The JSON the recorder wrote, decoded once.
    static let recordedFile: GrammarFile = {
        guard let url = Bundle.module.url(forResource: "docker-grammar", withExtension: "json", subdirectory: "Data")
            ?? Bundle.module.url(forResource: "docker-grammar", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(GrammarFile.self, from: data) else {
            fatalError("LabCore: Grammar/Data/docker-grammar.json missing or unreadable")
        }
        return file
    }()

    /// The command recorded under `key` (e.g. "container run", "ps"), if any.
    public func command(_ key: String) -> DockerCommandSpec? {
        guard let i = keyIndex[key] else { return nil }
        return commands[i]
    }

    init(file: GrammarFile) {
        let keys = file.commands.keys.sorted()
        var index: [String: Int] = [:]
        for (i, k) in keys.enumerated() { index[k] = i }
        var built: [DockerCommandSpec] = []
        for key in keys {
            let raw = file.commands[key]!
            var children: [String: Int] = [:]
            for sub in raw.subcommands {
                let childKey = key.isEmpty ? sub : key + " " + sub
                guard let ci = index[childKey] else { continue }
                for name in file.commands[childKey]?.names ?? [sub] { children[name] = ci }
            }
            built.append(DockerCommandSpec(key: key, raw: raw, children: children))
        }
        commands = built
        keyIndex = index
        root = built[index[""]!]
        clientVersion = file.source.client
    }
}

struct GrammarFile: Decodable {
    struct Source: Decodable { let client: String; let command: String }
    struct Flag: Decodable { let long: String; let short: String; let type: String; let deprecated: String? }
    struct Arity: Decodable { let min: Int?; let max: Int?; let below: String?; let above: String? }
    struct Bare: Decodable { let stdout: String; let stderr: String; let status: Int32 }
    struct Command: Decodable {
        let help: String
        let canonical: [String]
        let flags: [Flag]
        let subcommands: [String]
        let names: [String]?
        let arity: Arity?
        let interspersed: Bool?
        let bare: Bare?
        let banner: String?
        let errorUsage: String?
    }
    let source: Source
    let commands: [String: Command]
}
