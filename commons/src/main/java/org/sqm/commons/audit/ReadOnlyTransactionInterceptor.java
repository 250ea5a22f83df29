package org.sqm.commons.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs around {@code @Transactional} (whose interceptors have priority PLATFORM_BEFORE + 200) so that
 * the transaction it begins for a {@link ReadOnlyTransaction} method is known to only read when
 * {@link AuditSession} sees it take its connection.
 */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadOnlyTransactionInterceptor {

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        // Only a transaction the method begins only reads: called inside a caller's transaction it joins
        // that one, which may write (and whose connection may be taken only now).
        boolean before = AuditSession.nextTransactionReadOnly(!QuarkusTransaction.isActive());
        try {
            return invocation.proceed();
        } finally {
            AuditSession.nextTransactionReadOnly(before);
        }
    }
}
