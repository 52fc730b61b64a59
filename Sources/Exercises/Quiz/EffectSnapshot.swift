import LabCore

/// What a lab holds, as sentences, for telling whether two commands had the same effect: the
/// grading facts (StateFacts) and what they leave out: every container (generated names too),
/// images without a tag, anonymous volumes, and the files of each machine. Never times, so the
/// same effect reached by another spelling gives the same snapshot.
struct EffectSnapshot: Equatable {
    let lines: Set<String>

    init(_ lab: Lab) {
        var lines = StateFacts(lab).facts
        for machine in lab.machines {
            let here = lab.machines.count > 1 ? " on \(machine.hostname)" : ""
            let engine = machine.engine
            for c in engine.containers {
                lines.insert("container \(c.name)\(here) from \(c.config.image) is \(c.state.status)")
            }
            for image in engine.images where image.repoTags.isEmpty {
                lines.insert("an untagged image \(image.id.replacingOccurrences(of: "sha256:", with: "").prefix(12))\(here) is present")
            }
            // What a tagged image holds (its files and settings): a build's output no longer shows
            // what went in (BuildKit prints its progress on standard error), the image does.
            for image in engine.images where !image.repoTags.isEmpty {
                var hasher = FNV1a()
                hasher.add("\(image.env)|\(image.cmd ?? [])|\(image.entrypoint ?? [])|\(image.workingDir)|\(image.exposedPorts)|\(image.volumes)")
                if let built = image.built {
                    hasher.add("\(built.labels.sorted { $0.key < $1.key })|\(built.user)|\(built.healthcheck ?? [])")
                    for (path, node) in built.files.nodes.sorted(by: { $0.key < $1.key }) { hasher.add(path + "\(node)") }
                }
                lines.insert("image \(image.repoTags.sorted().joined(separator: ", "))\(here) holds \(String(hasher.value, radix: 16))")
            }
            for v in engine.volumes where v.anonymous { lines.insert("an anonymous volume\(here) exists (\(v.name.prefix(12)))") }
            for (path, node) in machine.files.nodes where !path.hasPrefix("/proc") {
                switch node {
                case .directory: lines.insert("folder \(path)\(here) exists")
                default: lines.insert("file \(path)\(here) holds \(Self.digest(node))")
                }
            }
        }
        self.lines = lines
    }

    /// A short stand-in for a file's contents (equal contents, equal digest).
    private static func digest(_ node: VirtualFileSystem.Node) -> String {
        var hasher = FNV1a()
        hasher.add("\(node)")
        return String(hasher.value, radix: 16)
    }

    /// What `other` (the expected snapshot) has that this lacks, and what this has besides, in words.
    func difference(from expected: EffectSnapshot, limit: Int = 6) -> String {
        let missing = expected.lines.subtracting(lines).sorted()
        let extra = lines.subtracting(expected.lines).sorted()
        var parts: [String] = []
        if !missing.isEmpty {
            parts.append("missing: " + missing.prefix(limit).joined(separator: "; ") + (missing.count > limit ? "; …" : ""))
        }
        if !extra.isEmpty {
            parts.append("not expected: " + extra.prefix(limit).joined(separator: "; ") + (extra.count > limit ? "; …" : ""))
        }
        return parts.joined(separator: "\n")
    }
}

/// The 64-bit FNV-1a hash: stable across runs (Swift's Hasher is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
}
