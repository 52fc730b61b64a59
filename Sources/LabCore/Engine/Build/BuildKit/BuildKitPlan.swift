/// A Dockerfile as BuildKit's Dockerfile frontend lays it out before building (moby/buildkit
/// v0.22.0 frontend/dockerfile/dockerfile2llb/convert.go `toDispatchState`): the global ARGs,
/// the stages with their base (an image, `scratch`, or an earlier stage), their names as the
/// progress shows them (`builder`, `stage-1`, none for a single stage), how many of their
/// instructions count in `[i/N]`, and which stages the target needs (only those are built).
struct BuildKitPlan {
    /// One stage: `FROM base [AS name]` and the instructions after it.
    struct Stage {
        var index: Int
        /// The `AS` name, lower-cased (instructions/parse.go `parseBuildStageName`), if any.
        var name: String?
        /// What the progress shows in brackets before `i/N`: the name, `stage-N`, or "".
        var displayName: String
        /// The base reference as written after the global ARGs are replaced, "" for an implicit
        /// stage's image named by `COPY --from`.
        var base: String
        /// The earlier stage it builds on, when `base` names one.
        var baseStage: Int?
        /// The FROM instruction (nil for an image named only by `COPY --from`).
        var from: Dockerfile.Instruction?
        var instructions: [Dockerfile.Instruction]
        /// `cmdTotal`: 1 for a FROM of an image, plus each ADD, COPY, RUN and WORKDIR.
        var total: Int
        /// Stages whose files it copies (`COPY --from`), by index.
        var copiesFrom: [Int] = []
        /// Where it is written: its FROM's lines, or the COPY that names its image.
        var lines: ClosedRange<Int> = 1...1

        var isScratch: Bool { baseStage == nil && base.lowercased() == "scratch" }
        /// Whether its base is an image to resolve (not scratch, not a stage).
        var hasImageBase: Bool { baseStage == nil && !isScratch }
    }

    var stages: [Stage]
    /// The global ARGs (before the first FROM) with their values after --build-arg.
    var globalArgs: [String: String]
    /// The stage to build and every stage it needs, in Dockerfile order.
    var reachable: [Int]
    var target: Int

    /// Lays out a parsed Dockerfile; the error is what the frontend says (and where).
    static func make(_ file: Dockerfile, buildArgs: [String: String], target: String?) -> Result<BuildKitPlan, PlanError> {
        var globalArgs: [String: String] = [:]
        var stages: [Stage] = []
        for ins in file.instructions {
            if ins.keyword == "FROM" {
                let words = ins.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                let base = BuildKitNames.expand(words.first ?? "", env: globalArgs, keepUnset: false)
                let name = words.count >= 3 && words[1].uppercased() == "AS" ? words[2].lowercased() : nil
                let baseStage = stages.firstIndex { $0.name != nil && $0.name == base.lowercased() }
                stages.append(Stage(index: stages.count, name: name, displayName: "", base: base, baseStage: baseStage, from: ins,
                                    instructions: [], total: 0, lines: ins.line...max(ins.line, ins.endLine)))
                continue
            }
            guard !stages.isEmpty else {
                if ins.keyword == "ARG" {
                    for (key, value) in argPairs(ins.text) { globalArgs[key] = buildArgs[key] ?? value.map { BuildKitNames.expand($0, env: globalArgs, keepUnset: false) } }
                    continue
                }
                return .failure(PlanError(message: BuildKitMessages.noBuildStage, line: ins.line))
            }
            stages[stages.count - 1].instructions.append(ins)
        }
        guard !stages.isEmpty else { return .failure(PlanError(message: BuildKitMessages.noStages, line: nil)) }
        // COPY --from: an earlier stage by name or number, else an image (an implicit stage).
        for s in stages.indices {
            for ins in stages[s].instructions where ins.keyword == "COPY" {
                guard let from = ins.flags["from"] else { continue }
                if let n = Int(from), n >= 0, n < stages.count { stages[s].copiesFrom.append(n); continue }
                if let n = stages.firstIndex(where: { $0.name == from.lowercased() }) { stages[s].copiesFrom.append(n); continue }
                if let n = stages.firstIndex(where: { $0.from == nil && $0.base == from }) { stages[s].copiesFrom.append(n); continue }
                stages[s].copiesFrom.append(stages.count)
                stages.append(Stage(index: stages.count, name: nil, displayName: "", base: from, baseStage: nil, from: nil,
                                    instructions: [], total: 0, lines: ins.line...max(ins.line, ins.endLine)))
            }
        }
        for s in stages.indices where stages[s].from != nil {
            let counted: Set<String> = ["ADD", "COPY", "RUN", "WORKDIR"]
            stages[s].total = (stages[s].hasImageBase ? 1 : 0) + stages[s].instructions.filter { counted.contains($0.keyword) }.count
            stages[s].displayName = stages.count == 1 ? "" : stages[s].name ?? "stage-\(s)"
        }
        var targetIndex = stages.lastIndex { $0.from != nil } ?? 0
        if let target, !target.isEmpty {
            guard let t = stages.firstIndex(where: { $0.name == target.lowercased() }) else {
                let names = stages.compactMap(\.name)
                return .failure(PlanError(message: BuildKitMessages.targetNotFound(target, suggestion: BuildKitNames.suggest(target, names, caseSensitive: true)),
                                          line: nil))
            }
            targetIndex = t
        }
        var needed: Set<Int> = []
        func visit(_ i: Int) {
            guard needed.insert(i).inserted else { return }
            if let b = stages[i].baseStage { visit(b) }
            for d in stages[i].copiesFrom { visit(d) }
        }
        visit(targetIndex)
        return .success(BuildKitPlan(stages: stages, globalArgs: globalArgs, reachable: needed.sorted(), target: targetIndex))
    }

    /// The frontend's refusal of a Dockerfile: its message and the line it points at.
    struct PlanError: Error, Equatable {
        var message: String
        var line: Int?
    }

    /// `ARG a=1 b`: each name with its default, if any.
    static func argPairs(_ text: String) -> [(String, String?)] {
        text.split(separator: " ").map { word in
            let kv = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(kv[0]), kv.count > 1 ? ImageBuilder.unquote(String(kv[1])) : nil)
        }
    }
}
