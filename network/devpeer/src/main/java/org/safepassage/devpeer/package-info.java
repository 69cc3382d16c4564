/**
 * The devpeer: an embedded, Fabric Gateway-compatible ledger for one machine. Entry point: {@link
 * org.safepassage.devpeer.DevPeer}, configured by {@link org.safepassage.devpeer.DevPeerConfig}.
 */
package org.safepassage.devpeer;
