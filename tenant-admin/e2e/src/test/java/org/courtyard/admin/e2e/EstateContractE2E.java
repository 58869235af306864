package org.courtyard.admin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.admin.contract.EstateContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The estate screen's contract, which the console's tests run against {@code FakeEstateArea}, run
 * against the real platform started from the built distribution, so the fake cannot drift from it
 * unnoticed.
 */
public class EstateContractE2E extends EstateContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
