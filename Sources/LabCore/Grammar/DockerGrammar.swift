import Foundation

/// One flag of a docker command as the real client's help lists it (plus the few hidden flags
/// the recorder confirmed with the client).
public struct DockerFlagSpec: Sendable {
    /// Long name without dashes, e.g. "publish".
    public let long: String
    /// One-letter shorthand, or "" when none.
    public let short: String
    /// Value type name as help prints it ("bool" when the flag takes no value).
    public let type: String
    /// Whether the flag takes no value (`--flag` alone means true).
    public var isBool: Bool { type == "bool" }
}

/// One command object of the docker client's tree (a top-level shortcut such as `docker ps`
/// and the management command `docker container ls` are distinct objects with their own help).
public struct DockerCommandSpec: Sendable {
    /// Recorded key: the command's own path words joined by spaces ("" for the root).
    public let key: String
    /// Canonical path (first entry of the help's Aliases line), e.g. ["container", "ls"].
    public let canonical: [String]
    /// The `--help` text, verbatim.
    public let help: String
    /// The usage line printed in usage errors.
    public let usageLine: String
    /// Flags by index; `byLong`/`byShort` index into it. Includes the implicit help flag.
    public let flags: [DockerFlagSpec]
    let byLong: [String: Int]
    let byShort: [Character: Int]
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
}

/// The docker client's whole command tree, loaded once from the JSON the recorder wrote
/// (`scripts/record-docker-grammar.py`, docker 28.2.2).
public struct DockerGrammar: Sendable {
    public let commands: [DockerCommandSpec]
    public let clientVersion: String
    let rootIndex: Int

    /// The recorded grammar, decoded on first use.
    public static let shared: DockerGrammar = {
        guard let url = Bundle.module.url(forResource: "docker-grammar", withExtension: "json", subdirectory: "Data")
            ?? Bundle.module.url(forResource: "docker-grammar", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode(GrammarFile.self, from: data) else {
            fatalError("LabCore: Grammar/Data/docker-grammar.json missing or unreadable")
        }
        return DockerGrammar(file: file)
    }()

    public var root: DockerCommandSpec { commands[rootIndex] }

    /// The command recorded under `key` (e.g. "container run", "ps"), if any.
    public func command(_ key: String) -> DockerCommandSpec? {
        guard let i = keyIndex[key] else { return nil }
        return commands[i]
    }

    let keyIndex: [String: Int]

    init(file: GrammarFile) {
        let keys = file.commands.keys.sorted()
        var index: [String: Int] = [:]
        for (i, k) in keys.enumerated() { index[k] = i }
        var built: [DockerCommandSpec] = []
        for key in keys {
            let raw = file.commands[key]!
            var flags: [DockerFlagSpec] = raw.flags.map { DockerFlagSpec(long: $0.long, short: $0.short, type: $0.type) }
            let shortTaken = flags.contains { $0.short == "h" }
            flags.append(DockerFlagSpec(long: "help", short: shortTaken ? "" : "h", type: "bool"))
            var byLong: [String: Int] = [:]
            var byShort: [Character: Int] = [:]
            for (i, f) in flags.enumerated() {
                byLong[f.long] = i
                if let c = f.short.first { byShort[c] = i }
            }
            var children: [String: Int] = [:]
            for sub in raw.subcommands {
                let childKey = key.isEmpty ? sub : key + " " + sub
                guard let ci = index[childKey] else { continue }
                for name in file.commands[childKey]?.names ?? [sub] { children[name] = ci }
            }
            let isGroup = !raw.subcommands.isEmpty
            var usage = ""
            if isGroup {
                usage = key.isEmpty ? DockerMessages.rootUsageLine : (raw.errorUsage ?? "docker " + key)
            } else if let r = raw.help.range(of: "Usage:  ") {
                // the usage may continue on tab-indented lines (docker cp): up to the blank line
                let rest = raw.help[r.upperBound...]
                usage = String(rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)])
            }
            built.append(DockerCommandSpec(
                key: key, canonical: raw.canonical, help: raw.help, usageLine: usage,
                flags: flags, byLong: byLong, byShort: byShort, children: children, isGroup: isGroup,
                interspersed: raw.interspersed ?? true,
                minArgs: raw.arity?.min ?? 0, maxArgs: raw.arity?.max ?? -1,
                belowMessage: raw.arity?.below ?? "", aboveMessage: raw.arity?.above ?? "",
                bare: raw.bare.map { DockerCLIError(stdout: $0.stdout, stderr: $0.stderr, status: $0.status) },
                banner: raw.banner ?? ""))
        }
        commands = built
        keyIndex = index
        rootIndex = index[""]!
        clientVersion = file.source.client
    }
}

struct GrammarFile: Decodable {
    struct Source: Decodable { let client: String; let command: String }
    struct Flag: Decodable { let long: String; let short: String; let type: String }
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
