package org.sqm.commons.audit;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Transactional} method that only reads: the transaction it begins is opened
 * {@code READ ONLY} and skips the audit settings ({@link AuditSession}), which only a change needs.
 * That saves one database round trip per read. A write inside it fails loudly ("cannot execute
 * INSERT in a read-only transaction"), so a wrong mark cannot leave unattributed audit events.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnlyTransaction {}
