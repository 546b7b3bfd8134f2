package io.payorch.application.port.out;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses (the system resolver in production; injectable in tests). */
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
