import Foundation

/// `/containers/{id}/archive`, the endpoints behind the real client's `docker cp` (moby v20.10
/// api/server/router/container/copy.go): HEAD stats a path (its ContainerPathStat as base64 JSON
/// in X-Docker-Container-Path-Stat), GET sends it as a tar stream with the same header, PUT
/// extracts the request's tar into a folder; through the engine calls of `lab sh`'s `docker cp`
/// (Engine/Engine+ContainerArchive.swift).
extension EngineAPI {
    static func archive(_ reference: String, _ c: inout Context, lab: inout Lab) throws(APIError) -> APIResponse {
        let r = c.request
        // httputils.ArchiveFormValues (its message lacks a space).
        guard let path = r.value("path"), !path.isEmpty else { throw .invalid("bad parameter: pathcannot be empty") }
        switch r.method {
        case "HEAD":
            let stat = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) in try s.engine.statPath(reference, path) }
            return APIResponse(status: 200, headers: [statHeader(stat, now: lab.clock.now)])
        case "GET":
            let (stat, archive) = try engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
                try s.engine.archivePath(reference, path, now: s.now)
            }
            c.changed = true
            return APIResponse(status: 200, headers: [statHeader(stat, now: lab.clock.now), ("Content-Type", "application/x-tar")],
                               body: Array(archive.encoded().utf8))
        case "PUT":
            let archive: TarArchive
            do { archive = try TarArchive.decode(bytes: r.body) } catch {
                throw APIError(status: 500, message: error == .notTar ? "archive/tar: invalid tar header" : "unexpected EOF")
            }
            try engine(&lab) { (s: inout DaemonSession) throws(EngineError) in
                try s.engine.extractToDir(reference, path, archive, hostFiles: &s.files, now: s.now)
            }
            c.changed = true
            // The lines `lab sh` would take to do the same: each top-level member copied into the folder.
            var tops: [String] = []
            for e in archive.entries {
                let top = String(e.name.split(separator: "/").first ?? "")
                if !top.isEmpty && top != "." && !tops.contains(top) { tops.append(top) }
            }
            for top in tops { c.record(APIHistory.line(["docker", "cp", top, reference + ":" + path])) }
            return APIResponse(status: 200)
        default: throw .notFound("page not found")
        }
    }

    /// X-Docker-Container-Path-Stat: moby's ContainerPathStat as JSON, base64 (the lab keeps no
    /// file times: a path's mtime is the serving time).
    static func statHeader(_ stat: DockerEngine.PathStat, now: Double) -> (String, String) {
        let json: JSONValue = ["name": .string(stat.name), "size": .int(Int64(stat.size)), "mode": .int(stat.mode),
                               "mtime": .string(DockerTime.rfc3339Nano(now)), "linkTarget": ""]
        return ("X-Docker-Container-Path-Stat", Data(json.compactJSON().utf8).base64EncodedString())
    }
}
