package org.swarmbid.wallet.chain;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** Adds TronGrid's {@code TRON-PRO-API-KEY} header to every call. Holds the key; never prints it. */
final class ApiKeyInterceptor implements ClientInterceptor {

    private static final Metadata.Key<String> HEADER =
            Metadata.Key.of("TRON-PRO-API-KEY", Metadata.ASCII_STRING_MARSHALLER);
    private final String key;

    ApiKeyInterceptor(String key) {
        this.key = key;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(HEADER, key);
                super.start(listener, headers);
            }
        };
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[***]";
    }
}
