/** Erasures whose effect on trained models is still to be completed. */
package org.recsys.domain.model.erasure;
