import XCTest
@testable import LabCore

/// `docker compose` (v2): names with hyphens, the plain writer's events, the v2 ps table.
final class ComposeV2Tests: XCTestCase {
    func testUpNamesContainersWithHyphensAndPrintsEvents() {
        var lab = SystemCommandsTests.lab(["docker pull nginx", "mkdir shop",
                                           "printf '%s\\n' 'services:' '  web:' '    image: nginx' > shop/compose.yaml"])
        let (text, status) = SystemCommandsTests.run("cd shop && docker compose up -d", in: &lab)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(text, " Network shop_default Creating \n Network shop_default Created \n Container shop-web-1 Creating \n"
                       + " Container shop-web-1 Created \n Container shop-web-1 Starting \n Container shop-web-1 Started \n")
        let ps = SystemCommandsTests.run("docker compose ps", in: &lab).0
        XCTAssertTrue(ps.hasPrefix("NAME         IMAGE     COMMAND                  SERVICE   CREATED"), ps)
        XCTAssertEqual(SystemCommandsTests.run("docker ps --format '{{.Names}}'", in: &lab).0, "shop-web-1\n")
    }
}
