package org.recsys.domain.model.erasure;

import java.util.List;

/** Erasure requests, oldest first. */
public interface ErasureRequestRepository {

    void store(ErasureRequest request);

    /** Requests not completed yet, oldest first (managed: completing one is stored with the transaction). */
    List<ErasureRequest> pending();
}
