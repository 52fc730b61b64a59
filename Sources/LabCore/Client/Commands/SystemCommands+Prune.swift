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
    static func pruneVolumes(_ s: inout DaemonSession) -> DockerEngine.PruneReport {
        let sizes = Dictionary(s.engine.volumes.map { ($0.name, DiskUsage.volumeSize($0)) }, uniquingKeysWith: { a, _ in a })
        let gone = s.engine.pruneVolumes(now: s.now)
        return DockerEngine.PruneReport(deleted: gone, spaceReclaimed: gone.reduce(0) { $0 + (sizes[$1] ?? 0) })
    }
}

extension SystemCommands {
    /// `docker system prune [-a] [--volumes] [-f]`, once confirmed.
    static func prune(_ i: DockerInvocation, _ p: inout ProcessContext, _ s: inout DaemonSession) -> Int32 {
        var blocks: [String?] = []
        var total: Int64 = 0
        let containers = s.engine.pruneContainers(now: s.now)
        let networks = s.engine.pruneNetworks(now: s.now)
        blocks += [PruneOutput.containers(containers), PruneOutput.networks(networks)]
        total += containers.spaceReclaimed
        if i.flag("volumes") {
            let volumes = PruneOutput.pruneVolumes(&s)
            blocks.append(PruneOutput.volumes(volumes))
            total += volumes.spaceReclaimed
        }
        let images = s.engine.pruneImages(all: i.flag("all"), now: s.now)
        blocks.append(PruneOutput.images(images))
        total += images.spaceReclaimed
        p.write(blocks.compactMap { $0.map { $0 + "\n" } }.joined() + PruneOutput.total(total))
        return 0
    }
}
