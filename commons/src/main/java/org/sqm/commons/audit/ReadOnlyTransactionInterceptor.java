package org.sqm.commons.audit;

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
        boolean before = AuditSession.nextTransactionReadOnly(true);
        try {
            return invocation.proceed();
        } finally {
            AuditSession.nextTransactionReadOnly(before);
        }
    }
}
