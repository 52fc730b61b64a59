/// The image a BuildKit build exports and the history it records: `exporting to image` with the
/// docker driver (moby builder/builder-next/exporter/mobyexporter/export.go: `exporting layers`,
/// `writing image sha256:…`, `naming to …` for each tag), and each instruction's history line
/// as dockerfile2llb/convert.go writes it (`commitToHistory`; `RUN /bin/sh -c make # buildkit`,
/// `CMD ["python" "app.py"]` as Go's %q prints a []string, `EXPOSE map[80/tcp:{}]` as it prints
/// a nat.PortSet, `WORKDIR /app`).
enum BuildKitHistory {
    /// The history line of a setting instruction (nil for those that record none).
    static func line(_ ins: Dockerfile.Instruction, text: String, image: LocalImage) -> String? {
        func quoted(_ words: [String]) -> String { "[" + words.map(goQuote).joined(separator: " ") + "]" }
        switch ins.keyword {
        case "ENV", "LABEL": return ins.keyword + " " + pairs(ins, text: text).map { $0.0 + "=" + $0.1 }.joined(separator: " ")
        case "EXPOSE":
            let ports = Set(text.split(separator: " ").map { $0.contains("/") ? String($0) : $0 + "/tcp" }).sorted()
            return "EXPOSE map[" + ports.map { $0 + ":{}" }.joined(separator: " ") + "]"
        case "USER", "STOPSIGNAL": return ins.keyword + " " + text
        case "VOLUME": return "VOLUME [" + (ins.json ?? text.split(separator: " ").map(String.init)).joined(separator: " ") + "]"
        case "SHELL": return "SHELL [" + (ins.json ?? []).joined(separator: " ") + "]"
        case "CMD": return "CMD " + quoted(image.cmd ?? [])
        case "ENTRYPOINT": return "ENTRYPOINT " + quoted(image.entrypoint ?? [])
        case "HEALTHCHECK":
            // %q of the HealthcheckConfig: the test, four durations, the retries as a rune.
            let test = image.built?.healthcheck ?? []
            let times = ["interval", "timeout", "start-period", "start-interval"].map {
                goQuote(HumanDuration.goDuration(ins.flags[$0].flatMap(RunOptions.goDuration) ?? 0))
            }
            let retries = Int(ins.flags["retries"] ?? "") ?? 0
            let rune = retries < 0x20 ? "'\\x" + String(format: "%02x", retries) + "'" : "'" + String(UnicodeScalar(UInt8(min(retries, 126)))) + "'"
            return "HEALTHCHECK &{" + quoted(test) + " " + times.joined(separator: " ") + " " + rune + "}"
        default: return nil
        }
    }

    /// ENV's and LABEL's key=value pairs (the legacy `ENV key value` form as one pair).
    static func pairs(_ ins: Dockerfile.Instruction, text: String) -> [(String, String)] {
        if ins.keyword == "ENV" && !text.contains("=") {
            let kv = text.split(separator: " ", maxSplits: 1)
            return [(String(kv.first ?? ""), kv.count > 1 ? String(kv[1]) : "")]
        }
        return ImageBuilder.splitWords(text).map { word in
            let kv = word.split(separator: "=", maxSplits: 1)
            return (ImageBuilder.unquote(String(kv[0])), kv.count > 1 ? ImageBuilder.unquote(String(kv[1])) : "")
        }
    }

    /// convert.go `runCommandString`: `|N NAME=value …` for the stage's build arguments (their
    /// value in the step's environment, else as declared), then the command's words.
    static func runCommand(_ argv: [String], declared: [(name: String, value: String?)], env: [String: String]) -> String {
        var pairs: [String] = []
        for (name, value) in declared { pairs.append(name + "=" + (env[name] ?? value ?? "")) }
        return ((pairs.isEmpty ? [] : ["|\(pairs.count)"] + pairs) + argv).joined(separator: " ")
    }

    /// What makes an image itself: its settings, history and files' key (its id is derived
    /// from it, so a rebuild from the cache is the same image).
    static func identity(_ image: LocalImage, key: String) -> String {
        let b = image.built
        let parts: [String] = [key, image.env.joined(separator: "\u{0}"), (image.cmd ?? []).joined(separator: "\u{0}"),
                               (image.entrypoint ?? []).joined(separator: "\u{0}"), image.workingDir, image.exposedPorts.joined(separator: ","),
                               image.volumes.joined(separator: ","), (b?.labels ?? [:]).sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: ","),
                               b?.user ?? "", (b?.healthcheck ?? []).joined(separator: "\u{0}"), b?.stopSignal ?? "",
                               (b?.shell ?? []).joined(separator: "\u{0}"), (b?.onBuild ?? []).joined(separator: "\u{0}"),
                               (b?.history ?? []).map(\.createdBy).joined(separator: "\u{0}"), String(image.created)]
        return parts.joined(separator: "|")
    }
}

extension BuildKitSolver {
    /// `exporting to image`: the final stage becomes an image in the engine (the same one again
    /// when nothing changed) and takes the tags.
    mutating func export(_ final: StageState, _ s: inout DaemonSession) -> BuildKitReport.Outcome {
        var image = final.image
        image.repoTags = []
        image.repoDigests = []
        image.created = final.created
        image.built?.parent = ""
        image.built?.cacheKey = final.key
        image.built?.baseInHistory = true
        let id = "sha256:" + StableHash.hex("buildkit:" + BuildKitHistory.identity(image, key: final.key))
        image.id = id
        if image.built?.history.isEmpty == false { image.built?.history[0].imageID = id }
        if !s.engine.images.contains(where: { $0.id == id }) { s.engine.images.append(image) }
        let layers = madeLayers ? Timing.layers : 0
        var statuses = [BuildVertex.Status(BuildKitMessages.exportingLayers, seconds: layers),
                        BuildVertex.Status(BuildKitMessages.writingImage(id))]
        for tag in request.tags {
            try? s.engine.tag(id, as: tag, now: s.now)
            statuses.append(.init(BuildKitMessages.namingTo(BuildKitNames.exportName(tag))))
        }
        add(BuildVertex(name: BuildKitMessages.exportingToImage, statuses: statuses, end: .done(seconds: layers + Timing.local)),
            seconds: layers + Timing.local)
        return .built(id)
    }
}
