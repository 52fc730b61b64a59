/// `docker system prune` and the blocks every prune prints (docker/cli v28.2.2
/// cli/command/system/prune.go, and container/, network/, volume/, image/prune.go for each
/// block): after the client's confirmation (ClientPreflight), the containers, networks, volumes
/// (with --volumes) and images (dangling, or with -a every unused one) are pruned in that order,
/// each non-empty block printed followed by a blank line, then the total reclaimed space. The
/// build cache is pruned too, but the legacy builder leaves none, so its block never shows.
enum PruneOutput {
    /// "Deleted Containers:" and the ids, or nil when none went.
    static func containers(_ r: DockerEngine.PruneReport) -> String? { block("Deleted Containers:", r) }
    /// "Deleted Networks:" and the names.
    static func networks(_ r: DockerEngine.PruneReport) -> String? { block("Deleted Networks:", r) }
    /// "Deleted Volumes:" and the names.
    static func volumes(_ r: DockerEngine.PruneReport) -> String? { block("Deleted Volumes:", r) }
    /// "Deleted Images:" and the untagged:/deleted: lines.
    static func images(_ r: DockerEngine.PruneReport) -> String? { block("Deleted Images:", r) }

    static func block(_ title: String, _ r: DockerEngine.PruneReport) -> String? {
        r.deleted.isEmpty ? nil : title + "\n" + r.deleted.map { $0 + "\n" }.joined()
    }

    /// The last line: go-units HumanSize (4 significant digits, decimal units).
    static func total(_ bytes: Int64) -> String {
        "Total reclaimed space: " + HumanSize.format(Double(bytes), base: 1000, units: HumanSize.decimal, precision: 4) + "\n"
    }

    /// Prunes the unused volumes with their files' bytes as the space given back (moby
    /// volume/service/service.go, Prune: directory.Size of each).
    static func pruneVolumes(_ filters: PruneFilters, _ s: inout DaemonSession) throws(EngineError) -> DockerEngine.PruneReport {
        let sizes = Dictionary(s.engine.volumes.map { ($0.name, DiskUsage.volumeSize($0)) }, uniquingKeysWith: { a, _ in a })
        let gone = try s.engine.pruneVolumes(filters, now: s.now)
        return DockerEngine.PruneReport(deleted: gone, spaceReclaimed: gone.reduce(0) { $0 + (sizes[$1] ?? 0) })
    }

    /// What one kind prunes, and its block.
    enum Kind { case containers, networks, volumes, images }

    static func prune(_ kind: Kind, all: Bool, _ filters: PruneFilters, _ s: inout DaemonSession) throws(EngineError) -> (DockerEngine.PruneReport, String?) {
        switch kind {
        case .containers: let r = try s.engine.pruneContainers(filters, now: s.now); return (r, containers(r))
        case .networks: let r = try s.engine.pruneNetworks(filters, now: s.now); return (r, networks(r))
        case .volumes: let r = try pruneVolumes(filters, &s); return (r, volumes(r))
        case .images: let r = try s.engine.pruneImages(all: all, filters, now: s.now); return (r, images(r))
        }
    }

    /// `docker container|network|volume|image prune`, once confirmed: the block, then the total
    /// (network prune prints none).
    static func single(_ kind: Kind, _ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        do {
            let (report, block) = try prune(kind, all: i.flag("all"), PruneFilters(i.values("filter")), &s)
            p.write(block.map { $0 + "\n" } ?? "")
            if kind != .networks { p.write(total(report.spaceReclaimed)) }
            return 0
        } catch {
            p.writeError("Error response from daemon: \(error.message)\n")
            return 1
        }
    }
}

extension SystemCommands {
    /// `docker system prune [-a] [--volumes] [--filter …] [-f]`, once confirmed: each block as its
    /// prune ends; a daemon error stops the rest.
    static func prune(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        let filters = PruneFilters(i.values("filter"))
        var total: Int64 = 0
        let kinds: [PruneOutput.Kind] = i.flag("volumes") ? [.containers, .networks, .volumes, .images] : [.containers, .networks, .images]
        for kind in kinds {
            do {
                let (report, block) = try PruneOutput.prune(kind, all: i.flag("all"), filters, &s)
                if let block { p.write(block + "\n") }
                total += report.spaceReclaimed
            } catch {
                p.writeError("Error response from daemon: \(error.message)\n")
                return 1
            }
        }
        p.write(PruneOutput.total(total))
        return 0
    }
}
