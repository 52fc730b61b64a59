/// One entry of `GET /containers/json` (the API's ContainerSummary, Engine 20.10's field order):
/// what `docker ps` renders its table from. Built from the same model and helpers as the
/// simulated `docker ps` rows (ObjectListing, PortDisplay, ContainerInspect).
enum ContainerSummary {
    static func json(_ c: Container, engine: DockerEngine, now: Double, size: Bool) -> JSONValue {
        var o = JSONObject()
        o[new: "Id"] = .string(c.id)
        o[new: "Names"] = [.string("/" + c.name)]
        o[new: "Image"] = .string(ObjectListing.image(c, engine: engine, trunc: false))
        o[new: "ImageID"] = .string(c.imageID)
        o[new: "Command"] = .string(ObjectListing.commandText(c))
        o[new: "Created"] = .int(Int64(c.created.rounded(.down)))
        o[new: "Ports"] = .array(PortDisplay.ports(c).map { p in
            var port = JSONObject()
            if !p.ip.isEmpty { port[new: "IP"] = .string(p.ip) }
            port[new: "PrivatePort"] = .int(Int64(p.privatePort))
            if p.publicPort != 0 { port[new: "PublicPort"] = .int(Int64(p.publicPort)) }
            port[new: "Type"] = .string(p.type)
            return .object(port)
        })
        if size {
            o[new: "SizeRw"] = 0
            o[new: "SizeRootFs"] = .int(engine.images.first { $0.id == c.imageID }?.size ?? 0)
        }
        o[new: "Labels"] = ContainerInspect.map(c.config.labels)
        o[new: "State"] = .string(c.state.status)
        o[new: "Status"] = .string(c.state.display(now: now))
        o[new: "HostConfig"] = ["NetworkMode": .string(c.hostConfig.networkMode)]
        var networks = ContainerInspect.attachments(c).map {
            ($0.name, ContainerInspect.endpoint($0.endpoint, networkName: $0.name, connected: $0.connected, c, engine))
        }
        networks.sort { $0.0.utf8Precedes($1.0) }
        o[new: "NetworkSettings"] = ["Networks": .object(JSONObject(networks))]
        o[new: "Mounts"] = .array(c.mounts.map(ContainerInspect.mount))
        return .object(o)
    }
}
