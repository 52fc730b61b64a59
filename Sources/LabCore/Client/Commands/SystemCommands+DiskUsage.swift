/// `docker system df [-v]` (docker/cli cli/command/system/df.go and formatter/disk_usage.go
/// v28.2.2, moby's /system/df of Engine 20.10): space used by images, containers, volumes and
/// the build cache.
///
/// The lab's images are the oracle's stand-ins, built from one busybox tree, so they share their
/// only layer (Fixtures/engine/transcripts/23-history-df.txt): images of the same size count as
/// one layer, shared whenever two of them are present. Containers' own layers are not measured
/// (0B, as the stand-ins' processes write nothing there); a volume's size is the bytes of its
/// files; there is never a build cache. Image rows come in the order the images arrived (the
/// daemon's order is its store's; two images showed in pull order).
enum DiskUsage {
    static let summaryHeaders: JSONValue = [
        "Type": "TYPE", "TotalCount": "TOTAL", "Active": "ACTIVE", "Size": "SIZE", "Reclaimable": "RECLAIMABLE",
    ]
    static let list = ListFormat(structType: "*formatter.diskUsageImagesContext", headers: summaryHeaders)

    static func output(_ i: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput? {
        var format = ListFormat.format(i)
        if i.flag("verbose") {
            guard ListFormat.isDefaultTable(format) else { return nil }
            return CommandOutput(stdout: verbose(engine, now: now))
        }
        if ListFormat.isDefaultTable(format) { format = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}" }
        return list.render(format: format) { summary(engine) }
    }

    /// Each image's size, the part it shares with other images present, and its containers.
    static func images(_ engine: DockerEngine) -> [(image: LocalImage, shared: Int64, containers: Int)] {
        engine.images.map { img in
            let sharing = engine.images.contains { $0.id != img.id && $0.size == img.size }
            return (img, sharing ? img.size : 0, engine.containers.filter { $0.imageID == img.id }.count)
        }
    }

    /// The layers' total: one layer per distinct image size.
    static func layersSize(_ engine: DockerEngine) -> Int64 { Set(engine.images.map(\.size)).reduce(0, +) }

    /// The bytes of a volume's files, directories not counted (moby pkg/directory, Size).
    static func volumeSize(_ v: Volume) -> Int64 {
        v.files.nodes.values.reduce(0) { total, node in
            if case .file(let text) = node { return total + Int64(FileSize.of(text)) }
            return total
        }
    }

    static func links(_ v: Volume, _ engine: DockerEngine) -> Int {
        engine.containers.filter { $0.mounts.contains { $0.type == "volume" && $0.name == v.name } }.count
    }

    static func size(_ bytes: Int64) -> String { HumanSize.format(Double(bytes), base: 1000, units: HumanSize.decimal, precision: 4) }

    static func reclaimable(_ reclaimable: Int64, of total: Int64) -> String {
        total > 0 ? "\(size(reclaimable)) (\(reclaimable * 100 / total)%)" : size(reclaimable)
    }

    /// The four summary rows (keys sorted, as their JSON).
    static func summary(_ engine: DockerEngine) -> [JSONValue] {
        let imgs = images(engine)
        let total = layersSize(engine)
        let used = imgs.filter { $0.containers > 0 }.reduce(Int64(0)) { $0 + $1.image.size - $1.shared }
        let active = engine.containers.filter { $0.state.running }.count
        let volumes = engine.volumes
        let volumeTotal = volumes.reduce(Int64(0)) { $0 + volumeSize($1) }
        let volumeFree = volumes.filter { links($0, engine) == 0 }.reduce(Int64(0)) { $0 + volumeSize($1) }
        func row(_ type: String, _ count: Int, _ active: Int, _ size: String, _ reclaim: String) -> JSONValue {
            ["Active": .string("\(active)"), "Reclaimable": .string(reclaim), "Size": .string(size),
             "TotalCount": .string("\(count)"), "Type": .string(type)]
        }
        return [
            row("Images", imgs.count, imgs.filter { $0.containers > 0 }.count, size(total), reclaimable(total - used, of: total)),
            row("Containers", engine.containers.count, active, "0B", "0B"),
            row("Local Volumes", volumes.count, volumes.filter { links($0, engine) > 0 }.count, size(volumeTotal),
                reclaimable(volumeFree, of: volumeTotal)),
            row("Build Cache", 0, 0, "0B", "0B"),
        ]
    }

    /// `-v`: the four tables, each aligned on its own.
    static func verbose(_ engine: DockerEngine, now: Double) -> String {
        var out = "Images space usage:\n\n"
        var rows: [[String]] = []
        for (img, shared, containers) in images(engine) {
            var repo = "<none>", tag = "<none>"
            if let first = img.repoTags.first {
                let name = ImageName(first)
                repo = name.repository
                tag = name.tag ?? "<none>"
            }
            rows.append([repo, tag, img.shortID, HumanDuration.text(seconds: now - img.created) + " ago",
                         HumanSize.decimal(Double(img.size)), size(shared), size(img.size - shared), "\(containers)"])
        }
        out += ListFormat.table(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE", "UNIQUE SIZE", "CONTAINERS"], rows)
        out += "\nContainers space usage:\n\n"
        let order = engine.containers.indices.sorted { a, b in
            let ca = engine.containers[a].created, cb = engine.containers[b].created
            return ca != cb ? ca > cb : a > b
        }
        rows = order.map { k in
            let c = engine.containers[k]
            return [c.shortID, ObjectListing.image(c, engine: engine, trunc: true), ObjectListing.command(c, trunc: true),
                    "\(c.mounts.filter { $0.type == "volume" }.count)", "0B", ObjectListing.runningFor(c, now: now),
                    c.state.display(now: now), c.name]
        }
        out += ListFormat.table(["CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS", "NAMES"], rows)
        out += "\nLocal Volumes space usage:\n\n"
        rows = engine.volumes.map { [$0.name, "\(links($0, engine))", size(volumeSize($0))] }
        out += ListFormat.table(["VOLUME NAME", "LINKS", "SIZE"], rows)
        out += "\nBuild cache usage: 0B\n\n"
        out += ListFormat.table(["CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"], [])
        return out
    }
}
